package coder.notifications.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad events get a 400 that names the field, and store nothing. */
class EventErrorsIT {

    static Api api;

    @BeforeAll
    static void startService() {
        api = new Api(SharedService.get());
    }

    void rejected(Object body, String field) {
        api.request()
                .body(body)
                .post("/notifications/events")
                .then()
                .statusCode(400)
                .body("message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()))
                .body("validations.field", hasItem(field));
    }

    @Test
    void anUnknownTemplateIsNamed() throws Exception {
        var user = api.user("Nobody");
        rejected(Map.of("template", "No Such Template", "user_id", user.toString()), "template");
        assertEquals(0, TestDatabase.messagesFor(user));
    }

    @Test
    void anUnknownUserIsNamed() {
        rejected(
                Map.of(
                        "template",
                        "Workspace Deleted",
                        "user_id",
                        UUID.randomUUID().toString()),
                "user_id");
    }

    @Test
    void aMissingSubjectIsNamed() {
        rejected(Map.of("template", "Workspace Deleted"), "user_id");
    }

    @Test
    void aMalformedUuidIsNamed() {
        rejected(Map.of("template", "Workspace Deleted", "user_id", "not-a-uuid"), "user_id");
        rejected(Map.of("template", "Template Deleted", "recipients", List.of("nope")), "recipients[0]");
    }

    @Test
    void freeTextOverItsLimitIsNamedAndStoresNothing() throws Exception {
        var user = api.user("Limited");
        rejected(
                Map.of(
                        "template",
                        "Workspace Deleted",
                        "user_id",
                        user.toString(),
                        "labels",
                        Map.of("name", "w"),
                        "created_by",
                        "x".repeat(256)),
                "created_by");
        rejected(Map.of("template", "x".repeat(256), "user_id", user.toString()), "template");
        var many = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        rejected(Map.of("template", "Workspace Deleted", "user_id", user.toString(), "targets", many), "targets");
        assertEquals(0, TestDatabase.messagesFor(user));
        api.event(Map.of(
                        "template",
                        "Workspace Deleted",
                        "user_id",
                        user.toString(),
                        "labels",
                        Map.of("name", "w"),
                        "created_by",
                        "x".repeat(255)))
                .then()
                .statusCode(202);
    }

    @Test
    void labelsThatAreNotStringsAreNamed() throws Exception {
        var user = api.user("Typed");
        rejected(
                Map.of("template", "Workspace Deleted", "user_id", user.toString(), "labels", Map.of("name", 42)),
                "labels.name");
        assertEquals(0, TestDatabase.messagesFor(user));
    }

    @Test
    void aMissingOrMalformedBodyIsRefused() {
        api.request()
                .post("/notifications/events")
                .then()
                .statusCode(400)
                .body("validations[0].field", equalTo("body"));
        api.request()
                .body("{\"template\": ")
                .post("/notifications/events")
                .then()
                .statusCode(400)
                .body("validations[0].field", equalTo("body"));
        api.request().body("[1, 2]").post("/notifications/events").then().statusCode(400);
    }

    @Test
    void aWrongContentTypeIsRefused() {
        api.request()
                .contentType("text/plain")
                .body("hello")
                .post("/notifications/events")
                .then()
                .statusCode(415)
                .body("message", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aBatchOverOneThousandEventsIsRefusedWhole() throws Exception {
        var user = api.user("Flooded");
        var events = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 1001; i++) {
            events.add(Map.of(
                    "template", "Workspace Deleted", "user_id", user.toString(), "labels", Map.of("name", "w" + i)));
        }
        api.request()
                .body(Map.of("events", events))
                .post("/notifications/events/batch")
                .then()
                .statusCode(400)
                .body("validations[0].field", equalTo("events"));
        assertEquals(0, TestDatabase.messagesFor(user));
    }

    @Test
    void aBatchAnswersEachEventInOrderAndStoresOnlyTheValidOnes() throws Exception {
        var user = api.user("Batched");
        var events = List.of(
                Map.of("template", "Workspace Deleted", "user_id", user.toString(), "labels", Map.of("name", "a")),
                Map.of("template", "Nope", "user_id", user.toString()),
                Map.of("template", "Workspace Deleted", "user_id", user.toString(), "labels", Map.of("name", "b")));
        api.request()
                .body(Map.of("events", events))
                .post("/notifications/events/batch")
                .then()
                .statusCode(200)
                .body("results", hasSize(3))
                .body("results[0].messages.method", equalTo(java.util.List.of("webhook", "inbox")))
                .body("results[1].error.validations[0].field", equalTo("template"))
                .body("results[2].messages.method", equalTo(java.util.List.of("webhook", "inbox")));
        assertEquals(4, TestDatabase.messagesFor(user), "the webhook and the inbox message of each valid event");
    }
}
