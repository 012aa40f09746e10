package coder.notifications.system;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rank in the directory: only an owner or a notifier gives or takes the owner role, or changes or deletes an
 * owner; a user-admin manages everyone else.
 */
class DirectoryRankIT {

    private final Api owner = new Api(SharedService.get());

    @Test
    void aUserAdminManagesEveryoneButOwners() {
        var userAdmin = owner.as(Api.token(owner.user("Ursula Admin", "user-admin"), "user-admin"));
        var member = owner.user("Mo Member", "member");
        userAdmin
                .request()
                .body(user("mo-" + member.toString().substring(0, 6), "member", "template-admin"))
                .put("/users/" + member)
                .then()
                .statusCode(200);
        var created = UUID.randomUUID();
        userAdmin
                .request()
                .body(user("new-" + created.toString().substring(0, 6), "member"))
                .put("/users/" + created)
                .then()
                .statusCode(200);
        userAdmin.request().delete("/users/" + created).then().statusCode(204);
        userAdmin.request().delete("/users/" + member).then().statusCode(204);
    }

    /** Call first: a notifier has called, then a user-admin tries to suspend, demote or delete its entry. */
    @Test
    void aUserAdminCannotLockOutASubjectThatHasCalledWithNotifierRights() {
        var userAdmin = owner.as(Api.token(owner.user("Uma Admin", "user-admin"), "user-admin"));
        var subject = UUID.randomUUID();
        var notifier = owner.as(Api.token(subject, "notifier"));
        var name = "svc-" + subject.toString().substring(0, 6);
        notifier.request()
                .body(user(name, "member"))
                .put("/users/" + subject)
                .then()
                .statusCode(200);

        userAdmin
                .request()
                .body(suspended(name))
                .put("/users/" + subject)
                .then()
                .statusCode(403)
                .body("message", org.hamcrest.Matchers.containsString("owner or notifier rights"));
        userAdmin.request().delete("/users/" + subject).then().statusCode(403);
        batch(notifier).then().statusCode(200);
        owner.request()
                .get("/users/" + subject)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("active"));
    }

    /**
     * Entry first: a user-admin writes a suspended entry for a subject that has not called yet (the notifier, an
     * owner). The suspension does not stop them, the notifier repairs its entry, and the user-admin cannot write
     * it again.
     */
    @Test
    void aSuspensionAUserAdminWroteBeforeTheFirstCallDoesNotStopANotifierOrAnOwner() {
        var userAdmin = owner.as(Api.token(owner.user("Ugo Admin", "user-admin"), "user-admin"));
        var subject = UUID.randomUUID();
        var name = "svc-" + subject.toString().substring(0, 6);
        userAdmin
                .request()
                .body(suspended(name))
                .put("/users/" + subject)
                .then()
                .statusCode(200);

        var notifier = owner.as(Api.token(subject, "notifier"));
        batch(notifier).then().statusCode(200);
        notifier.request()
                .body(user(name, "member"))
                .put("/users/" + subject)
                .then()
                .statusCode(200);
        userAdmin
                .request()
                .body(suspended(name))
                .put("/users/" + subject)
                .then()
                .statusCode(403);

        var ownerSubject = UUID.randomUUID();
        var ownerName = "own-" + ownerSubject.toString().substring(0, 6);
        userAdmin
                .request()
                .body(suspended(ownerName))
                .put("/users/" + ownerSubject)
                .then()
                .statusCode(200);
        var newOwner = owner.as(Api.token(ownerSubject, "owner"));
        newOwner.request().get("/users").then().statusCode(200);
        userAdmin.request().delete("/users/" + ownerSubject).then().statusCode(403);
    }

    /** What an owner decides still holds: an owner's suspension of a notifier stops it, but for its own entry. */
    @Test
    void anOwnersSuspensionStopsANotifierWhichMayStillRepairItsOwnEntry() {
        var subject = UUID.randomUUID();
        var name = "svc-" + subject.toString().substring(0, 6);
        owner.request().body(suspended(name)).put("/users/" + subject).then().statusCode(200);
        var notifier = owner.as(Api.token(subject, "notifier"));
        batch(notifier).then().statusCode(403);
        notifier.request()
                .body(user(name, "member"))
                .put("/users/" + subject)
                .then()
                .statusCode(200);
        batch(notifier).then().statusCode(200);
    }

    private static String suspended(String username) {
        return "{\"username\": \"" + username + "\", \"roles\": [\"member\"], \"status\": \"suspended\"}";
    }

    private io.restassured.response.Response batch(Api caller) {
        return caller.request()
                .body("{\"events\": [{\"template\": \"Workspace Deleted\", \"labels\": {\"name\": \"lockout\"}}]}")
                .post("/notifications/events/batch");
    }

    @Test
    void aUserAdminMayNotMakeAnOwner() {
        var userAdmin = owner.as(Api.token(owner.user("Ulf Admin", "user-admin"), "user-admin"));
        var member = owner.user("Max Member", "member");
        userAdmin
                .request()
                .body(user("max-" + member.toString().substring(0, 6), "owner"))
                .put("/users/" + member)
                .then()
                .statusCode(403)
                .body("message", org.hamcrest.Matchers.containsString("owner"));
        var fresh = UUID.randomUUID();
        userAdmin
                .request()
                .body(user("fresh-" + fresh.toString().substring(0, 6), "member", "owner"))
                .put("/users/" + fresh)
                .then()
                .statusCode(403);
        owner.request().get("/users/" + fresh).then().statusCode(404);
        owner.request()
                .get("/users/" + member)
                .then()
                .statusCode(200)
                .body("roles", org.hamcrest.Matchers.equalTo(List.of("member")));
    }

    @Test
    void aUserAdminMayNotChangeOrDeleteAnOwner() {
        var userAdmin = owner.as(Api.token(owner.user("Uma Admin", "user-admin"), "user-admin"));
        var anOwner = owner.user("Olga Owner", "owner");
        var username = owner.request()
                .get("/users/" + anOwner)
                .then()
                .extract()
                .path("username")
                .toString();
        userAdmin
                .request()
                .body(Map.of("username", username, "email", "attacker@example.com", "roles", List.of("owner")))
                .put("/users/" + anOwner)
                .then()
                .statusCode(403);
        userAdmin
                .request()
                .body(user(username, "member"))
                .put("/users/" + anOwner)
                .then()
                .statusCode(403);
        userAdmin.request().delete("/users/" + anOwner).then().statusCode(403);
        owner.request()
                .get("/users/" + anOwner)
                .then()
                .statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo(username + "@example.com"))
                .body("roles", org.hamcrest.Matchers.equalTo(List.of("owner")));
    }

    @Test
    void anOwnerAndTheNotifierMayMakeChangeAndDeleteOwners() {
        var notifier = owner.as(Api.token(UUID.randomUUID(), "notifier"));
        for (var caller : List.of(owner, notifier)) {
            var id = UUID.randomUUID();
            var username = "rank-" + id.toString().substring(0, 8);
            caller.request()
                    .body(user(username, "owner"))
                    .put("/users/" + id)
                    .then()
                    .statusCode(200);
            caller.request()
                    .body(Map.of("username", username, "email", "new@example.com", "roles", List.of("owner")))
                    .put("/users/" + id)
                    .then()
                    .statusCode(200);
            caller.request()
                    .body(user(username, "member"))
                    .put("/users/" + id)
                    .then()
                    .statusCode(200);
            caller.request()
                    .body(user(username, "owner"))
                    .put("/users/" + id)
                    .then()
                    .statusCode(200);
            if (caller == owner) {
                caller.request().delete("/users/" + id).then().statusCode(204);
            } else {
                owner.request().delete("/users/" + id).then().statusCode(204);
            }
        }
    }

    @Test
    void membersTemplateAdminsAndAuditorsManageNobody() {
        var target = owner.user("Tara Target", "member");
        for (var role : List.of("member", "template-admin", "auditor")) {
            var caller = owner.as(Api.token(owner.user("Caller " + role, role), role));
            caller.request()
                    .body(user("tara-" + role, "member"))
                    .put("/users/" + target)
                    .then()
                    .statusCode(403);
            caller.request().delete("/users/" + target).then().statusCode(403);
        }
    }

    private static Map<String, Object> user(String username, String... roles) {
        return Map.of("username", username, "email", username + "@example.com", "roles", List.of(roles));
    }
}
