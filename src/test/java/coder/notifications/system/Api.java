package coder.notifications.system;

import static io.restassured.RestAssured.given;

import coder.notifications.security.EvaluationKeys;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/** The service's REST API as a test speaks it: plain HTTP and JSON. */
final class Api {

    private final ServiceProcess service;
    private final String token;

    /** Calls as the owner of the evaluation tokens. */
    Api(ServiceProcess service) {
        this(service, token(EvaluationKeys.OWNER, "owner"));
    }

    Api(ServiceProcess service, String token) {
        this.service = service;
        this.token = token;
    }

    /** The same service, called with another token. */
    Api as(String otherToken) {
        return new Api(service, otherToken);
    }

    /** A token signed with the suite's evaluation key. */
    static String token(UUID subject, String... roles) {
        try {
            return EvaluationKeys.token(
                    EvaluationKeys.privateKey(
                            ServiceProcess.WORK.resolve("cache").toAbsolutePath()),
                    subject,
                    List.of(roles),
                    Instant.now(),
                    Instant.now().plus(Duration.ofHours(1)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    RequestSpecification request() {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    RequestSpecification anonymous() {
        return given().baseUri(service.uri("/api/v2").toString()).contentType(ContentType.JSON);
    }

    /** Creates a user with a fresh id and username; answers the id. */
    UUID user(String name, String... roles) {
        var id = UUID.randomUUID();
        var username = "u" + id.toString().substring(0, 8);
        request()
                .body(Map.of(
                        "username",
                        username,
                        "name",
                        name,
                        "email",
                        username + "@example.com",
                        "roles",
                        List.of(roles)))
                .put("/users/" + id)
                .then()
                .statusCode(200);
        return id;
    }

    Response event(Map<String, Object> event) {
        return request().body(event).post("/notifications/events");
    }

    Map<String, Object> message(String id) {
        return request()
                .get("/notifications/messages/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    /** Waits until the message reaches the status and answers it. */
    Map<String, Object> awaitStatus(String id, String status, Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        Map<String, Object> message = message(id);
        while (!status.equals(message.get("status")) && Instant.now().isBefore(deadline)) {
            sleep(100);
            message = message(id);
        }
        if (!status.equals(message.get("status"))) {
            throw new AssertionError("message " + id + " is " + message + ", expected status " + status);
        }
        return message;
    }

    /** Whether the deployment's notifier is paused, as the settings API says. */
    boolean settingsPaused() {
        return request()
                .get("/notifications/settings")
                .then()
                .statusCode(200)
                .extract()
                .path("notifier_paused");
    }

    void pause(boolean paused) {
        request()
                .body(Json.createObjectBuilder()
                        .add("notifier_paused", paused)
                        .build()
                        .toString())
                .put("/notifications/settings");
    }

    /**
     * Polls the condition every 50 ms until it holds or the patience runs out; answers whether it held, so that the
     * caller asserts on what it then sees, with its own message. The one way a test waits for something to happen.
     */
    static boolean eventually(Duration patience, Callable<Boolean> condition) throws Exception {
        var deadline = Instant.now().plus(patience);
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(50);
        }
        return true;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
