package coder.notifications.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile input changes nothing, gets a clear 4xx in the error shape, and leaves the server healthy. */
class HostileInputIT {

    static ServiceProcess service;
    static Api api;

    @BeforeAll
    static void startService() {
        service = SharedService.get();
        api = new Api(service);
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        var huge = "{\"template\": \"Workspace Deleted\", \"labels\": {\"name\": \"" + "x".repeat(5 * 1024 * 1024)
                + "\"}}";
        api.request()
                .body(huge)
                .post("/notifications/events")
                .then()
                .statusCode(413)
                .body("message", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void deepNestingThousandsOfLabelsAndHugeValuesAreRefused() throws Exception {
        var user = api.user("Hostile Hal");
        var deep = "[".repeat(5000) + "]".repeat(5000);
        api.request()
                .body("{\"template\": \"Workspace Deleted\", \"user_id\": \"" + user + "\", \"data\": {\"x\": " + deep
                        + "}}")
                .post("/notifications/events")
                .then()
                .statusCode(400);
        var many = new HashMap<String, String>();
        for (int i = 0; i < 5000; i++) {
            many.put("l" + i, "v");
        }
        api.event(Map.of("template", "Workspace Deleted", "user_id", user.toString(), "labels", many))
                .then()
                .statusCode(400)
                .body("validations.field", hasItem("labels"));
        api.event(Map.of(
                        "template",
                        "Workspace Deleted",
                        "user_id",
                        user.toString(),
                        "labels",
                        Map.of("name", "y".repeat(1_000_000))))
                .then()
                .statusCode(400)
                .body("validations.field", hasItem("labels.name"));
        api.event(Map.of(
                        "template",
                        "Workspace Deleted",
                        "user_id",
                        user.toString(),
                        "labels",
                        Map.of("name", "nul\u0000byte")))
                .then()
                .statusCode(400);
        assertEquals(0, TestDatabase.messagesFor(user));
    }

    /**
     * jsonb writes a number out in full: {@code 1e1200} would be stored as 1,201 digits that no JSON reader takes
     * back (and stopped all delivery), and a short exponent could store far more than the 64 KiB data limit.
     */
    @Test
    void numbersThatCannotRoundTripAreRefusedNamingTheField() throws Exception {
        var user = api.user("Numbers Nina");
        for (var number : List.of("1e1200", "1e999999999", "-1e-999999999", "1234567890e100000", "1e401")) {
            api.request()
                    .body("{\"template\": \"Workspace Deleted\", \"user_id\": \"" + user + "\", \"data\": {\"deep\": "
                            + "{\"n\": [0, " + number + "]}}}")
                    .post("/notifications/events")
                    .then()
                    .statusCode(400)
                    .body("validations[0].field", equalTo("data.deep.n[1]"));
        }
        // Each number fits, but written out as jsonb stores them they are over the 64 KiB limit.
        var many = new StringBuilder(
                "{\"template\": \"Workspace Deleted\", \"user_id\": \"" + user + "\", \"data\": {\"n\": [1e300");
        for (int i = 0; i < 300; i++) {
            many.append(", 1e300");
        }
        api.request()
                .body(many.append("]}}").toString())
                .post("/notifications/events")
                .then()
                .statusCode(400)
                .body("validations[0].field", equalTo("data"));
        // Every double still round-trips.
        api.request()
                .body("{\"template\": \"Workspace Deleted\", \"user_id\": \"" + user + "\", \"labels\": {\"name\": "
                        + "\"n\"}, \"data\": {\"max\": 1.7976931348623157e308, \"min\": 4.9e-324}}")
                .post("/notifications/events")
                .then()
                .statusCode(202);
        assertEquals(2, TestDatabase.messagesFor(user), "the webhook and the inbox message of the one event stored");
        var sent = SharedService.RECEIVER
                .awaitDelivered(user, 1, Duration.ofSeconds(30))
                .get(0);
        var max = sent.getJsonObject("payload").getJsonObject("data").getJsonNumber("max");
        assertEquals(
                0, new java.math.BigDecimal("1.7976931348623157e308").compareTo(max.bigDecimalValue()), max.toString());
    }

    @Test
    void invalidUtf8AndWrongContentTypesAreRefused() {
        var bytes =
                "{\"template\": \"Workspace Deleted\", \"labels\": {\"name\": \"\"}}".getBytes(StandardCharsets.UTF_8);
        var broken = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, broken, 0, 45);
        broken[45] = (byte) 0xC3;
        broken[46] = (byte) 0x28;
        System.arraycopy(bytes, 45, broken, 47, bytes.length - 45);
        api.request()
                .body(broken)
                .post("/notifications/events")
                .then()
                .statusCode(400)
                .body("validations[0].field", equalTo("body"));
        api.request()
                .contentType(ContentType.XML)
                .body("<event/>")
                .post("/notifications/events")
                .then()
                .statusCode(415);
    }

    @Test
    void sqlAndTemplateSyntaxInLabelsAreStoredAndRenderedAsLiteralText() {
        var user = api.user("Literal Lee");
        var name = "x'); DROP TABLE users; -- {{ user_email }} {% if true %}y{% endif %} <script>";
        api.event(Map.of(
                        "template",
                        "Workspace Deleted",
                        "user_id",
                        user.toString(),
                        "labels",
                        Map.of("name", name, "reason", "line\r\nBcc: victim@example.com")))
                .then()
                .statusCode(202);
        var document = SharedService.RECEIVER
                .awaitDelivered(user, 1, Duration.ofSeconds(30))
                .get(0);
        assertEquals("Workspace \"" + name + "\" deleted", document.getString("title"));
        assertTrue(document.getString("body").contains("line Bcc: victim@example.com"), document.getString("body"));
        assertEquals(
                name, document.getJsonObject("payload").getJsonObject("labels").getString("name"));
        api.request().get("/users/" + user).then().statusCode(200);
    }

    /** Generated malformed events: never a 5xx, and an event stores exactly what its answer says. */
    @Test
    void randomMalformedEventsNeverCauseA5xxOrAPartialStore() throws Exception {
        var user = api.user("Fuzzed Fay");
        var random = new Random(20261129L);
        long reported = 0;
        for (int i = 0; i < 300; i++) {
            var body = MalformedEvents.next(random, user);
            var response =
                    api.request().body(body.getBytes(StandardCharsets.UTF_8)).post("/notifications/events");
            int status = response.statusCode();
            assertTrue(status < 500, "answered " + status + " to " + body + ": " + response.asString());
            if (status == 202) {
                reported += response.jsonPath().getList("messages").size();
            } else {
                assertTrue(status >= 400, "answered " + status);
                response.then().body("message", org.hamcrest.Matchers.notNullValue());
            }
        }
        assertEquals(reported, TestDatabase.messagesFor(user), "stored messages differ from what the answers reported");
        io.restassured.RestAssured.given()
                .baseUri(service.uri("").toString())
                .get("/health/ready")
                .then()
                .statusCode(200);
    }

    /** Events with random defects: wrong types, broken JSON, unknown names, bad UUIDs, odd characters. */
    static final class MalformedEvents {
        private static final List<String> VALUES = List.of(
                "null",
                "42",
                "true",
                "[]",
                "{}",
                "\"\"",
                "\"not-a-uuid\"",
                "\"Workspace Deleted\"",
                "\"f517da0b-cdc9-410f-ab89-a86107c420ed\"",
                "[\"x\"]",
                "{\"a\": {\"b\": 1}}",
                "\"\\u0000\"",
                "\"\\ud800\"",
                "\"😀\"",
                "1e309",
                "-0",
                "{\"a\": 1e1200}",
                "{\"a\": 1e999999999}",
                "{\"a\": 1e-400}",
                "{\"a\": [1e399, -1.5e-300, 1e9999999999]}",
                "{\"a\": 1234567890e100000}",
                "\"" + "z".repeat(9000) + "\"");
        private static final List<String> FIELDS = List.of(
                "template",
                "user_id",
                "initiator_id",
                "recipients",
                "labels",
                "data",
                "targets",
                "created_by",
                "unknown");

        static String next(Random random, UUID user) {
            var fields = new StringBuilder("{\"template\": \"Workspace Deleted\", \"user_id\": \"" + user + "\"");
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                var field = FIELDS.get(random.nextInt(FIELDS.size()));
                var value = field.equals("labels") && random.nextBoolean()
                        ? "{\"name\": " + VALUES.get(random.nextInt(VALUES.size())) + "}"
                        : VALUES.get(random.nextInt(VALUES.size()));
                fields.append(", \"").append(field).append("\": ").append(value);
            }
            fields.append(", \"labels\": {\"name\": \"fuzz-")
                    .append(random.nextInt(1000))
                    .append("\"}}");
            var json = fields.toString();
            return switch (random.nextInt(6)) {
                case 0 -> json.substring(0, random.nextInt(json.length()));
                case 1 -> json.replaceFirst(":", "");
                default -> json;
            };
        }
    }
}
