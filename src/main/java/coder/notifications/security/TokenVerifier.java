package coder.notifications.security;

import coder.notifications.config.TokenSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Verifies API bearer tokens as MicroProfile JWT specifies them: a JWS signed with the configured key and
 * algorithm (never {@code none}, never a symmetric algorithm), not expired (a minute of clock skew), with a
 * {@code sub}, from the configured issuer and for a configured audience when those are set. Roles come from
 * the {@code groups} claim. A refusal says why in a word; it never carries the token.
 */
public final class TokenVerifier {

    /** A verified caller: the {@code sub} claim, the roles, and when the token expires (its {@code exp}). */
    public record Caller(String subject, List<String> groups, Instant expires) {}

    /**
     * How long a verified token is taken on trust before its signature is checked again: a system that reports
     * events sends the same token with every request, and checking an RS256 signature is the largest cost of a
     * small request. Short, so that a key removed from a JWK set stops being accepted within a minute too.
     */
    static final Duration TRUSTED_FOR = Duration.ofSeconds(60);

    /** At most this many tokens are remembered; when full, the memory starts again. */
    static final int REMEMBERED = 10_000;

    /** A token verified before: its caller, and until when (epoch ms) it is taken without checking again. */
    private record Verified(Caller caller, long untilMillis) {}

    /** Why a token was refused; safe to log. */
    public enum Refusal {
        MALFORMED("malformed token"),
        SIGNATURE("signature not valid"),
        EXPIRED("expired"),
        ISSUER("issuer not trusted"),
        AUDIENCE("audience not accepted"),
        CLAIMS("required claims missing"),
        NO_KEY("no verification key configured");

        public final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }
    }

    /** The outcome of one verification: a caller, or a refusal. */
    public record Outcome(Optional<Caller> caller, Optional<Refusal> refusal) {
        static Outcome of(Caller caller) {
            return new Outcome(Optional.of(caller), Optional.empty());
        }

        static Outcome refused(Refusal refusal) {
            return new Outcome(Optional.empty(), Optional.of(refusal));
        }
    }

    private final Optional<JwtConsumer> consumer;
    private final String groupsClaim;
    private final Clock clock;

    /** Keyed by the SHA-256 of the token, so that no token is kept in memory longer than its request. */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private TokenVerifier(Optional<JwtConsumer> consumer, String groupsClaim, Clock clock) {
        this.consumer = consumer;
        this.groupsClaim = groupsClaim;
        this.clock = clock;
    }

    /** Builds the verifier; a key that cannot be read or parsed is an {@link IllegalArgumentException} naming why. */
    public static TokenVerifier of(TokenSettings settings) {
        return of(settings, Clock.systemUTC());
    }

    static TokenVerifier of(TokenSettings settings, Clock clock) {
        if (!settings.hasKey()) {
            return new TokenVerifier(Optional.empty(), settings.groupsClaim(), clock);
        }
        var builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) SKEW.toSeconds())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, settings.algorithm());
        settings.issuer().ifPresent(builder::setExpectedIssuer);
        if (settings.audiences().isEmpty()) {
            builder.setSkipDefaultAudienceValidation();
        } else {
            builder.setExpectedAudience(settings.audiences().toArray(String[]::new));
        }
        keys(settings, builder);
        return new TokenVerifier(Optional.of(builder.build()), settings.groupsClaim(), clock);
    }

    /**
     * Verifies a token, or takes it on trust if it passed within {@link #TRUSTED_FOR} and has not expired since
     * (with the same minute of clock skew). Only accepted tokens are remembered: every refusal is checked anew.
     */
    public Outcome verify(String token) {
        if (consumer.isEmpty()) {
            return Outcome.refused(Refusal.NO_KEY);
        }
        var key = digest(token);
        var now = clock.millis();
        var known = verified.get(key);
        if (known != null && now < known.untilMillis()) {
            return Outcome.of(known.caller());
        }
        try {
            var claims = consumer.get().processToClaims(token);
            var groups = claims.hasClaim(groupsClaim) && claims.isClaimValueStringList(groupsClaim)
                    ? claims.getStringListClaimValue(groupsClaim)
                    : List.<String>of();
            var expires = claims.getExpirationTime().getValueInMillis() + SKEW.toMillis();
            // A stream the token opened ends at the token's own expiry; the skew is only for accepting it.
            var caller = new Caller(
                    claims.getSubject(),
                    List.copyOf(groups),
                    Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis()));
            if (verified.size() >= REMEMBERED) {
                verified.clear();
            }
            verified.put(key, new Verified(caller, Math.min(expires, now + TRUSTED_FOR.toMillis())));
            return Outcome.of(caller);
        } catch (InvalidJwtException e) {
            return Outcome.refused(refusal(e));
        } catch (MalformedClaimException e) {
            return Outcome.refused(Refusal.CLAIMS);
        }
    }

    private static final Duration SKEW = Duration.ofMinutes(1);

    /** Whether {@link #verify} would take this token on trust now, without checking its signature. */
    boolean trusts(String token) {
        var known = verified.get(digest(token));
        return known != null && clock.millis() < known.untilMillis();
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static Refusal refusal(InvalidJwtException e) {
        if (e.hasExpired()) {
            return Refusal.EXPIRED;
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return Refusal.SIGNATURE;
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return Refusal.ISSUER;
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return Refusal.AUDIENCE;
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)
                || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)
                || e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return Refusal.CLAIMS;
        }
        return e.getErrorDetails().isEmpty() ? Refusal.MALFORMED : Refusal.SIGNATURE;
    }

    /** The key: inline text, or a file or URL; PEM, a JWK or a JWK set. An http(s) JWK set is refreshed by kid. */
    private static void keys(TokenSettings settings, JwtConsumerBuilder builder) {
        if (settings.publicKey().isPresent()) {
            useKeyText(settings.publicKey().get(), settings.algorithm(), builder, "MP_JWT_VERIFY_PUBLICKEY");
            return;
        }
        var location = settings.publicKeyLocation().orElseThrow();
        if (location.startsWith("http://") || location.startsWith("https://")) {
            builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(location)));
            return;
        }
        var path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        try {
            useKeyText(Files.readString(path), settings.algorithm(), builder, "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        } catch (IOException e) {
            throw new IllegalArgumentException("MP_JWT_VERIFY_PUBLICKEY_LOCATION: cannot read " + location);
        }
    }

    private static void useKeyText(String text, String algorithm, JwtConsumerBuilder builder, String variable) {
        var trimmed = text.strip();
        try {
            if (trimmed.startsWith("{")) {
                var set = trimmed.contains("\"keys\"")
                        ? new JsonWebKeySet(trimmed)
                        : new JsonWebKeySet(JsonWebKey.Factory.newJwk(trimmed));
                builder.setVerificationKeyResolver(new JwksVerificationKeyResolver(set.getJsonWebKeys()));
            } else {
                builder.setVerificationKey(pem(trimmed, algorithm));
            }
        } catch (JoseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    variable + ": not a PEM public key, a JWK or a JWK set of the " + algorithm + " algorithm");
        }
    }

    private static PublicKey pem(String text, String algorithm) throws GeneralSecurityException {
        var der = Base64.getMimeDecoder()
                .decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        return KeyFactory.getInstance(algorithm.startsWith("ES") ? "EC" : "RSA")
                .generatePublic(new X509EncodedKeySpec(der));
    }
}
