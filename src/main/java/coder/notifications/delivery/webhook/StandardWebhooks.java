package coder.notifications.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (standardwebhooks.com): HMAC-SHA256 over {@code <id>.<timestamp>.<body>}
 * with each secret's key, as {@code v1,<base64>}, space-separated, so a receiver that knows either the old or
 * the new secret verifies during a rotation.
 */
final class StandardWebhooks {

    private StandardWebhooks() {}

    static String signature(List<byte[]> keys, String id, long timestamp, byte[] body) {
        return keys.stream()
                .map(key -> "v1," + Base64.getEncoder().encodeToString(hmac(key, id, timestamp, body)))
                .collect(Collectors.joining(" "));
    }

    private static byte[] hmac(byte[] key, String id, long timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
