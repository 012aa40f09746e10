package coder.notifications.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The user directory API. */
class UsersIT {

    static Api api;

    @BeforeAll
    static void startService() {
        api = new Api(SharedService.get());
    }

    @Test
    void aUserIsCreatedUpdatedReadListedAndDeleted() {
        var id = UUID.randomUUID();
        var username = "dir-" + id.toString().substring(0, 8);
        api.request()
                .body(Map.of(
                        "username",
                        username,
                        "name",
                        "Dora",
                        "email",
                        "dora@example.com",
                        "roles",
                        List.of("template-admin")))
                .put("/users/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("status", equalTo("active"));
        api.request()
                .body(Map.of(
                        "username",
                        username,
                        "name",
                        "Dora D.",
                        "email",
                        "dora@example.com",
                        "roles",
                        List.of("owner"),
                        "status",
                        "suspended"))
                .put("/users/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Dora D."));
        api.request()
                .get("/users/" + id)
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of("owner")))
                .body("status", equalTo("suspended"));
        api.request()
                .get("/users/" + username.toUpperCase())
                .then()
                .statusCode(200)
                .body("id", equalTo(id.toString()));
        api.request()
                .queryParam("role", "owner")
                .get("/users")
                .then()
                .statusCode(200)
                .body("users.id", hasItem(id.toString()));
        api.request()
                .queryParam("role", "member")
                .get("/users")
                .then()
                .statusCode(200)
                .body("users.id", not(hasItem(id.toString())));
        api.request().delete("/users/" + id).then().statusCode(204);
        api.request().get("/users/" + id).then().statusCode(404).body("message", org.hamcrest.Matchers.notNullValue());
        api.request().delete("/users/" + id).then().statusCode(404);
    }

    @Test
    void badUsersAreRefusedNamingTheField() {
        api.request()
                .body(Map.of("name", "No Username"))
                .put("/users/" + UUID.randomUUID())
                .then()
                .statusCode(400)
                .body("validations.field", hasItem("username"));
        api.request()
                .body(Map.of("username", "x", "roles", List.of("emperor")))
                .put("/users/" + UUID.randomUUID())
                .then()
                .statusCode(400)
                .body("validations.field", hasItem("roles[0]"));
        api.request()
                .body(Map.of("username", "x"))
                .put("/users/not-a-uuid")
                .then()
                .statusCode(400)
                .body("validations.field", hasItem("id"));
        api.request().queryParam("role", "emperor").get("/users").then().statusCode(400);
    }

    @Test
    void aUsernameTakenByAnotherUserIsAConflict() {
        var first = api.user("First");
        var username = api.request().get("/users/" + first).then().extract().path("username");
        api.request()
                .body(Map.of("username", username))
                .put("/users/" + UUID.randomUUID())
                .then()
                .statusCode(409);
    }
}
