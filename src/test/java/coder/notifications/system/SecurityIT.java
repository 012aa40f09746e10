package coder.notifications.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import coder.notifications.security.EvaluationKeys;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nothing in the API is open: tokens are verified, roles enforced as the SPEC's table says. */
class SecurityIT {

    static ServiceProcess service;
    static Api owner;

    @BeforeAll
    static void startService() {
        service = SharedService.get();
        owner = new Api(service);
    }

    /**
     * java.net.http offers plain-HTTP servers an h2c upgrade; over that upgrade the server once answered the 401 its
     * error pages serve with status 200. The server speaks HTTP/1.1 only, so a refusal stays a refusal.
     */
    @Test
    void aRefusalStaysARefusalWhenTheClientOffersHttp2() throws Exception {
        var client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2)
                .build();
        for (var path : List.of("/api/v2/notifications/inbox", "/api/v2/notifications/settings")) {
            var answer = client.send(
                    java.net.http.HttpRequest.newBuilder(service.uri(path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), path + ": " + answer.body());
            assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, answer.version(), path);
        }
    }

    @Test
    void noTokenIsA401InTheErrorShape() {
        owner.anonymous().get("/notifications/settings").then().statusCode(401).body("message", notNullValue());
        owner.anonymous()
                .body(Map.of("template", "Workspace Deleted"))
                .post("/notifications/events")
                .then()
                .statusCode(401);
    }

    @Test
    void aMalformedExpiredOrForeignTokenIsA401() throws Exception {
        owner.as("not.a.token").request().get("/notifications/settings").then().statusCode(401);
        var key = EvaluationKeys.privateKey(ServiceProcess.WORK.resolve("cache").toAbsolutePath());
        var expired = EvaluationKeys.token(
                key,
                EvaluationKeys.OWNER,
                List.of("owner"),
                Instant.now(),
                Instant.now().minusSeconds(3600));
        owner.as(expired).request().get("/notifications/settings").then().statusCode(401);
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var foreign = EvaluationKeys.token(
                generator.generateKeyPair().getPrivate(),
                EvaluationKeys.OWNER,
                List.of("owner"),
                Instant.now(),
                Instant.now().plusSeconds(3600));
        owner.as(foreign).request().get("/notifications/settings").then().statusCode(401);
    }

    @Test
    void healthAndMetricsStayOpen() {
        io.restassured.RestAssured.given()
                .baseUri(service.uri("").toString())
                .get("/health/ready")
                .then()
                .statusCode(200);
        io.restassured.RestAssured.given()
                .baseUri(service.uri("").toString())
                .get("/metrics")
                .then()
                .statusCode(200);
    }

    @Test
    void aNotifierReportsEventsAndSyncsUsersButReadsNoMessages() {
        var notifier = owner.as(Api.token(UUID.randomUUID(), "notifier"));
        var user = UUID.randomUUID();
        notifier.request()
                .body(Map.of("username", "synced-" + user.toString().substring(0, 6)))
                .put("/users/" + user)
                .then()
                .statusCode(200);
        notifier.request()
                .body(Map.of(
                        "template", "Workspace Deleted", "user_id", user.toString(), "labels", Map.of("name", "n")))
                .post("/notifications/events")
                .then()
                .statusCode(202);
        notifier.request().get("/notifications/messages").then().statusCode(403).body("message", notNullValue());
        notifier.request()
                .body("{\"notifier_paused\": true}")
                .put("/notifications/settings")
                .then()
                .statusCode(403);
    }

    @Test
    void aMemberMayNotReportEventsOrReadOthers() {
        var memberId = owner.user("Member Mo", "member");
        var member = owner.as(Api.token(memberId, "member"));
        member.request()
                .body(Map.of("template", "Workspace Deleted", "user_id", memberId.toString()))
                .post("/notifications/events")
                .then()
                .statusCode(403);
        member.request().get("/users").then().statusCode(403);
        member.request().get("/users/me").then().statusCode(200).body("id", equalTo(memberId.toString()));
        member.request().get("/users/" + memberId).then().statusCode(200);
        member.request().get("/users/" + owner.user("Other")).then().statusCode(403);
        member.request().get("/notifications/settings").then().statusCode(200);
        member.request().post("/notifications/test").then().statusCode(403);
    }

    @Test
    void aMemberReadsAndChangesOnlyTheirOwnPreferences() {
        var memberId = owner.user("Pref Member", "member");
        var otherId = owner.user("Pref Other", "member");
        var member = owner.as(Api.token(memberId, "member"));
        member.request().get("/users/me/notifications/preferences").then().statusCode(200);
        member.request()
                .get("/users/" + otherId + "/notifications/preferences")
                .then()
                .statusCode(403);
        member.request()
                .body(Map.of("template_disabled_map", Map.of(MessageLifecycleIT.WORKSPACE_DELETED, true)))
                .put("/users/" + otherId + "/notifications/preferences")
                .then()
                .statusCode(403);
        owner.request()
                .get("/users/" + otherId + "/notifications/preferences")
                .then()
                .statusCode(200);
    }
}
