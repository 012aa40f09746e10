package coder.notifications.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Templates, their delivery method, user preferences, and the test and custom notifications. */
class TemplatesAndPreferencesIT {

    static final String TEMPLATE_DELETED = "29a09665-2a4c-403f-9648-54301670e7be";
    static Api owner;

    @BeforeAll
    static void startService() {
        owner = new Api(SharedService.get());
    }

    @Test
    void theSystemListingShowsEveryTemplateByName() {
        var templates = owner.request()
                .get("/notifications/templates/system")
                .then()
                .statusCode(200)
                .body("", hasSize(15))
                .body("find { it.name == 'Workspace Deleted' }.id", equalTo(MessageLifecycleIT.WORKSPACE_DELETED))
                .body("find { it.name == 'Workspace Deleted' }.group", equalTo("Workspace Events"))
                .body("find { it.name == 'Workspace Deleted' }.kind", equalTo("system"))
                .body("find { it.name == 'Workspace Deleted' }.enabled_by_default", equalTo(true))
                .body("find { it.name == 'Workspace Deleted' }.actions[0].label", equalTo("View workspaces"))
                .body("find { it.name == 'Custom Notification' }.kind", equalTo("custom"))
                .extract()
                .jsonPath()
                .getList("name", String.class);
        var sorted = templates.stream().sorted().toList();
        assertEquals(sorted, templates);
    }

    @Test
    void theDispatchMethodsNameTheDefault() {
        owner.request()
                .get("/notifications/dispatch-methods")
                .then()
                .statusCode(200)
                .body("available", equalTo(List.of("smtp", "webhook")))
                .body("default", equalTo("webhook"));
    }

    @Test
    void aTemplatesMethodIsSetUnchangedAndRestored() {
        var path = "/notifications/templates/" + TEMPLATE_DELETED + "/method";
        try {
            owner.request()
                    .body("{\"method\": \"smtp\"}")
                    .put(path)
                    .then()
                    .statusCode(200)
                    .body("method", equalTo("smtp"));
            owner.request().body("{\"method\": \"smtp\"}").put(path).then().statusCode(304);
            var user = owner.user("Routed");
            owner.request()
                    .body(Map.of(
                            "template",
                            "Template Deleted",
                            "recipients",
                            List.of(user.toString()),
                            "labels",
                            Map.of("name", "t")))
                    .post("/notifications/events")
                    .then()
                    .statusCode(202)
                    .body("messages[0].method", equalTo("smtp"));
        } finally {
            owner.request()
                    .body("{\"method\": \"\"}")
                    .put(path)
                    .then()
                    .statusCode(200)
                    .body("method", equalTo(""));
        }
        owner.request()
                .body("{\"method\": \"pigeon\"}")
                .put(path)
                .then()
                .statusCode(400)
                .body("validations[0].field", equalTo("method"));
        owner.request()
                .body("{\"method\": \"smtp\"}")
                .put("/notifications/templates/" + UUID.randomUUID() + "/method")
                .then()
                .statusCode(404);
        owner.as(Api.token(UUID.randomUUID(), "member"))
                .request()
                .body("{\"method\": \"smtp\"}")
                .put(path)
                .then()
                .statusCode(403);
    }

    @Test
    void disablingATemplateSkipsNewMessagesAndInhibitsQueuedOnes() {
        var user = owner.user("Opting Out");
        var path = "/users/" + user + "/notifications/preferences";
        owner.pause(true);
        try {
            var queued = owner.event(MessageLifecycleIT.workspaceDeleted(user, "queued"))
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("messages[0].id")
                    .toString();
            owner.request()
                    .body(Map.of("template_disabled_map", Map.of(MessageLifecycleIT.WORKSPACE_DELETED, true)))
                    .put(path)
                    .then()
                    .statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].id", equalTo(MessageLifecycleIT.WORKSPACE_DELETED))
                    .body("[0].disabled", equalTo(true))
                    .body("[0].updated_at", org.hamcrest.Matchers.notNullValue());
            assertEquals("inhibited", owner.message(queued).get("status"));
            owner.event(MessageLifecycleIT.workspaceDeleted(user, "new"))
                    .then()
                    .statusCode(202)
                    .body("skipped[0].reason", equalTo("disabled"));
            owner.request()
                    .body(Map.of("template_disabled_map", Map.of(MessageLifecycleIT.WORKSPACE_DELETED, false)))
                    .put(path)
                    .then()
                    .statusCode(200)
                    .body("[0].disabled", equalTo(false));
            owner.request().get(path).then().statusCode(200).body("[0].disabled", equalTo(false));
        } finally {
            owner.pause(false);
        }
    }

    @Test
    void anUnknownTemplateInPreferencesIsA400() {
        var user = owner.user("Typo");
        var unknown = UUID.randomUUID().toString();
        owner.request()
                .body(Map.of("template_disabled_map", Map.of(unknown, true)))
                .put("/users/" + user + "/notifications/preferences")
                .then()
                .statusCode(400)
                .body("validations.field", hasItem("template_disabled_map." + unknown));
        owner.request()
                .body(Map.of("template_disabled_map", Map.of("nope", true)))
                .put("/users/" + user + "/notifications/preferences")
                .then()
                .statusCode(400);
    }

    @Test
    void repeatedTestNotificationsAreAllDelivered() {
        var ownerUser = EvaluationOwner.ensure(owner);
        int before = SharedService.RECEIVER.deliveredTo(ownerUser).size();
        owner.request().post("/notifications/test").then().statusCode(204);
        owner.request().post("/notifications/test").then().statusCode(204);
        var delivered = SharedService.RECEIVER.awaitDelivered(ownerUser, before + 2, Duration.ofSeconds(30));
        assertEquals("A test notification", delivered.get(delivered.size() - 1).getString("title"));
    }

    @Test
    void aCustomNotificationGoesToTheCaller() {
        var memberId = owner.user("Custom Carl", "member");
        var member = owner.as(Api.token(memberId, "member"));
        member.request()
                .body(Map.of("content", Map.of("title", "Deploy done", "message", "The **release** is out")))
                .post("/notifications/custom")
                .then()
                .statusCode(204);
        var document = SharedService.RECEIVER
                .awaitDelivered(memberId, 1, Duration.ofSeconds(30))
                .get(0);
        assertEquals("Deploy done", document.getString("title"));
        assertEquals("Hi Custom Carl\n\nThe **release** is out", document.getString("body"));
    }

    @Test
    void aCustomNotificationIsValidated() {
        var memberId = owner.user("Custom Val", "member");
        var member = owner.as(Api.token(memberId, "member"));
        member.request()
                .body(Map.of("content", Map.of("title", " ", "message", "m")))
                .post("/notifications/custom")
                .then()
                .statusCode(400)
                .body("validations.field", hasItem("content.title"));
        member.request()
                .body(Map.of("content", Map.of("title", "t", "message", "x".repeat(2001))))
                .post("/notifications/custom")
                .then()
                .statusCode(400)
                .body("validations.field", hasItem("content.message"));
        member.request()
                .body(Map.of("content", Map.of("title", "x".repeat(121), "message", "m")))
                .post("/notifications/custom")
                .then()
                .statusCode(400)
                .body("validations.field", hasItem("content.title"));
        member.request()
                .body(Map.of())
                .post("/notifications/custom")
                .then()
                .statusCode(400)
                .body("validations.field", hasItem("content"));
    }

    /** The owner of the evaluation tokens, put into the directory so that it can receive its own test notifications. */
    static final class EvaluationOwner {
        static UUID ensure(Api owner) {
            var id = coder.notifications.security.EvaluationKeys.OWNER;
            owner.request()
                    .body(Map.of(
                            "username",
                            "evaluation-owner",
                            "name",
                            "Evaluation Owner",
                            "email",
                            "owner@example.com",
                            "roles",
                            List.of("owner")))
                    .put("/users/" + id)
                    .then()
                    .statusCode(200);
            return id;
        }
    }
}
