package coder.notifications.system;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A token whose sub is a suspended directory user gets 403; systems not in the directory are not affected. */
class SuspendedUsersIT {

    private final Api owner = new Api(SharedService.get());

    @Test
    void aSuspendedUsersValidTokenGets403() {
        var id = owner.user("Sue Spended", "member");
        var member = owner.as(Api.token(id, "member"));
        member.request().get("/users/me").then().statusCode(200);
        owner.request()
                .body(Map.of(
                        "username",
                        "sue-" + id.toString().substring(0, 6),
                        "roles",
                        List.of("member"),
                        "status",
                        "suspended"))
                .put("/users/" + id)
                .then()
                .statusCode(200);
        member.request()
                .get("/users/me")
                .then()
                .statusCode(403)
                .body("message", org.hamcrest.Matchers.containsString("suspended"));
        member.request()
                .body(Map.of("content", Map.of("title", "t", "message", "m")))
                .post("/notifications/custom")
                .then()
                .statusCode(403);
        owner.request()
                .body(Map.of(
                        "username",
                        "sue-" + id.toString().substring(0, 6),
                        "roles",
                        List.of("member"),
                        "status",
                        "active"))
                .put("/users/" + id)
                .then()
                .statusCode(200);
        member.request().get("/users/me").then().statusCode(200);
    }

    @Test
    void aSystemWhoseSubIsNotInTheDirectoryIsNotAffected() {
        var notifier = owner.as(Api.token(UUID.randomUUID(), "notifier"));
        notifier.request().get("/notifications/settings").then().statusCode(200);
    }
}
