package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Webhook requests carry SPEC 7.3's headers and, with secrets set, a Standard Webhooks signature that a receiver
 * verifying with the reference algorithm accepts for each secret, and rejects for a changed body.
 */
class WebhookSignatureIT {

    private final Api api = new Api(SharedService.get());

    @Test
    void aDeliveryIsSignedWithEverySecretAndCarriesItsHeaders() throws Exception {
        var user = api.user("Sigrid Signed", "member");
        var id = api.event(Map.of(
                        "template",
                        "Workspace Deleted",
                        "user_id",
                        user.toString(),
                        "labels",
                        Map.of("name", "signed")))
                .then()
                .statusCode(202)
                .extract()
                .path("messages[0].id")
                .toString();
        SharedService.RECEIVER.awaitDelivered(user, 1, Duration.ofSeconds(30));
        var request = SharedService.RECEIVER.request(id);
        var headers = request.headers();
        assertEquals(id, headers.get("x-message-id"));
        assertTrue(headers.get("user-agent").startsWith("coder-notifications/"), headers.get("user-agent"));
        assertTrue(headers.get("content-type").startsWith("application/json"), headers.get("content-type"));
        assertEquals(id, headers.get("webhook-id"));
        var timestamp = Long.parseLong(headers.get("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 120, "timestamp " + timestamp);
        var signatures = headers.get("webhook-signature").split(" ");
        var secrets = SharedService.WEBHOOK_SECRETS.split(" ");
        assertEquals(secrets.length, signatures.length, headers.get("webhook-signature"));
        for (var secret : secrets) {
            assertTrue(verifies(secret, headers, request.body()), "verifies with " + secret.substring(0, 10) + "…");
        }
        var changed = Arrays.copyOf(request.body(), request.body().length);
        changed[changed.length - 2] ^= 1;
        assertFalse(verifies(secrets[0], headers, changed), "a changed body is rejected");
        assertFalse(verifies(
                "whsec_" + Base64.getEncoder().encodeToString("a secret nobody configured!".getBytes()),
                headers,
                request.body()));
    }

    /** The Standard Webhooks verification: any v1 signature of "<id>.<timestamp>.<body>" under the secret's key. */
    static boolean verifies(String secret, Map<String, String> headers, byte[] body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((headers.get("webhook-id") + "." + headers.get("webhook-timestamp") + ".")
                .getBytes(StandardCharsets.UTF_8));
        var expected = Base64.getEncoder().encode(mac.doFinal(body));
        for (var signature : headers.get("webhook-signature").split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
