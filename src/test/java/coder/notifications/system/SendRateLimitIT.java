package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What people can trigger themselves is limited: 10 test and custom notifications a minute each (the default). */
class SendRateLimitIT {

    private final Api owner = new Api(SharedService.get());

    @Test
    void theEleventhCustomNotificationOfAMinuteIs429WithRetryAfter() {
        var memberId = owner.user("Rita Ratelimit", "member");
        var member = owner.as(Api.token(memberId, "member"));
        var body = Map.of("content", Map.of("title", "Again", "message", "and again"));
        for (int i = 0; i < 10; i++) {
            member.request().body(body).post("/notifications/custom").then().statusCode(204);
        }
        var refused = member.request()
                .body(body)
                .post("/notifications/custom")
                .then()
                .statusCode(429)
                .body("message", org.hamcrest.Matchers.containsString("10"))
                .extract();
        var retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        var others = owner.as(Api.token(owner.user("Otto Other", "member"), "member"));
        others.request().body(body).post("/notifications/custom").then().statusCode(204);
    }

    @Test
    void testNotificationsShareTheLimit() {
        var ownerId = owner.user("Tess Tester", "owner");
        var anOwner = owner.as(Api.token(ownerId, "owner"));
        for (int i = 0; i < 5; i++) {
            anOwner.request().post("/notifications/test").then().statusCode(204);
            anOwner.request()
                    .body(Map.of("content", Map.of("title", "t" + i, "message", "m")))
                    .post("/notifications/custom")
                    .then()
                    .statusCode(204);
        }
        anOwner.request()
                .post("/notifications/test")
                .then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
}
