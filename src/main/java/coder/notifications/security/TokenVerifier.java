package coder.notifications.security;

import coder.notifications.config.TokenSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
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

    /** A verified caller: the {@code sub} claim and the roles. */
    public record Caller(String subject, List<String> groups) {}

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

    private TokenVerifier(Optional<JwtConsumer> consumer, String groupsClaim) {
        this.consumer = consumer;
        this.groupsClaim = groupsClaim;
    }

    /** Builds the verifier; a key that cannot be read or parsed is an {@link IllegalArgumentException} naming why. */
    public static TokenVerifier of(TokenSettings settings) {
        if (!settings.hasKey()) {
            return new TokenVerifier(Optional.empty(), settings.groupsClaim());
        }
        var builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(60)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, settings.algorithm());
        settings.issuer().ifPresent(builder::setExpectedIssuer);
        if (settings.audiences().isEmpty()) {
            builder.setSkipDefaultAudienceValidation();
        } else {
            builder.setExpectedAudience(settings.audiences().toArray(String[]::new));
        }
        keys(settings, builder);
        return new TokenVerifier(Optional.of(builder.build()), settings.groupsClaim());
    }

    public Outcome verify(String token) {
        if (consumer.isEmpty()) {
            return Outcome.refused(Refusal.NO_KEY);
        }
        try {
            var claims = consumer.get().processToClaims(token);
            var groups = claims.hasClaim(groupsClaim) && claims.isClaimValueStringList(groupsClaim)
                    ? claims.getStringListClaimValue(groupsClaim)
                    : List.<String>of();
            return Outcome.of(new Caller(claims.getSubject(), List.copyOf(groups)));
        } catch (InvalidJwtException e) {
            return Outcome.refused(refusal(e));
        } catch (MalformedClaimException e) {
            return Outcome.refused(Refusal.CLAIMS);
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
