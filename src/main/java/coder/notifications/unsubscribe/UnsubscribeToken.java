package coder.notifications.unsubscribe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of an unsubscribe link: one user, one template and an expiry, signed with HMAC-SHA256. The signed
 * bytes start with a purpose label, so no other signature made with the same key can pass for one; the token
 * grants nothing but turning off that one template for that one user.
 */
public record UnsubscribeToken(UUID userId, UUID templateId, Instant expires) {

    private static final byte VERSION = 1;
    private static final byte[] PURPOSE = "coder-notifications unsubscribe\0".getBytes(StandardCharsets.US_ASCII);
    private static final int PAYLOAD_BYTES = 1 + 16 + 16 + 8;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** {@code base64url(payload) "." base64url(signature)}: URL-safe, about 100 characters. */
    public String sign(byte[] key) {
        var payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .put(VERSION)
                .putLong(userId.getMostSignificantBits())
                .putLong(userId.getLeastSignificantBits())
                .putLong(templateId.getMostSignificantBits())
                .putLong(templateId.getLeastSignificantBits())
                .putLong(expires.getEpochSecond())
                .array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(key, payload));
    }

    /** The token's content if it is well formed, signed with the key and not expired at {@code now}; else empty. */
    public static Optional<UnsubscribeToken> verify(String token, byte[] key, Instant now) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        var parts = token.split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(parts[0]);
            signature = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Only the one canonical spelling of a token is accepted: no two strings unsubscribe with the same signature.
        var canonical = ENCODER.encodeToString(payload).equals(parts[0])
                && ENCODER.encodeToString(signature).equals(parts[1]);
        if (!canonical
                || payload.length != PAYLOAD_BYTES
                || payload[0] != VERSION
                || !MessageDigest.isEqual(mac(key, payload), signature)) {
            return Optional.empty();
        }
        var buffer = ByteBuffer.wrap(payload, 1, PAYLOAD_BYTES - 1);
        var user = new UUID(buffer.getLong(), buffer.getLong());
        var template = new UUID(buffer.getLong(), buffer.getLong());
        var expires = Instant.ofEpochSecond(buffer.getLong());
        return now.isBefore(expires) ? Optional.of(new UnsubscribeToken(user, template, expires)) : Optional.empty();
    }

    /**
     * One instance per thread: {@code Mac.getInstance} searches the security providers on every call, which is
     * a visible share of a webhook's cost (each message carries an unsubscribe link). A Mac is not thread-safe;
     * {@code init} resets it for each use.
     */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    });

    private static byte[] mac(byte[] key, byte[] payload) {
        try {
            var mac = MACS.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(PURPOSE);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
