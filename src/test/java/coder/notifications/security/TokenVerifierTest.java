package coder.notifications.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.config.TokenSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens as MicroProfile JWT specifies them, verified with every supported form of key. */
class TokenVerifierTest {

    static final KeyPair RSA = pair("RSA");
    static final KeyPair EC = pair("EC");

    @Test
    void anRs256TokenSignedWithThePemKeyIsAccepted() throws Exception {
        var verifier = TokenVerifier.of(
                settings(Optional.of(pem(RSA)), Optional.empty(), "RS256", Optional.of("https://idp"), List.of()));
        var outcome = verifier.verify(sign(
                claims("https://idp", "3fa85f64-5717-4562-b3fc-2c963f66afa6", 600),
                RSA,
                AlgorithmIdentifiers.RSA_USING_SHA256));
        assertEquals(
                "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                outcome.caller().orElseThrow().subject());
        assertEquals(List.of("owner", "member"), outcome.caller().orElseThrow().groups());
        // The token's own exp (a stream it opens ends then): ten minutes ahead, within a second.
        var expires = outcome.caller().orElseThrow().expires();
        var expected = java.time.Instant.now().plusSeconds(600);
        assertTrue(
                Math.abs(java.time.Duration.between(expected, expires).toMillis()) < 2000,
                expires + " against " + expected);
    }

    @Test
    void anEs256TokenIsVerifiedWithAJwkSetFile(@TempDir Path folder) throws Exception {
        var jwk = PublicJsonWebKey.Factory.newPublicJwk(EC.getPublic());
        jwk.setKeyId("k1");
        var file = Files.writeString(
                folder.resolve("jwks.json"), new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        var verifier = TokenVerifier.of(
                settings(Optional.empty(), Optional.of(file.toUri().toString()), "ES256", Optional.empty(), List.of()));
        var jws = jws(claims("anyone", "s", 600), EC, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKeyIdHeaderValue("k1");
        assertEquals(
                "s",
                verifier.verify(jws.getCompactSerialization())
                        .caller()
                        .orElseThrow()
                        .subject());
    }

    @Test
    void eachWrongTokenIsRefusedWithItsReason() throws Exception {
        var verifier = TokenVerifier.of(settings(
                Optional.of(pem(RSA)),
                Optional.empty(),
                "RS256",
                Optional.of("https://idp"),
                List.of("notifications")));
        var good = claims("https://idp", "s", 600);
        good.setAudience("notifications");
        assertEquals(
                Optional.empty(),
                verifier.verify(sign(good, RSA, AlgorithmIdentifiers.RSA_USING_SHA256))
                        .refusal());
        var other = pair("RSA");
        assertEquals(
                TokenVerifier.Refusal.SIGNATURE,
                verifier.verify(sign(good, other, AlgorithmIdentifiers.RSA_USING_SHA256))
                        .refusal()
                        .orElseThrow());
        var expired = claims("https://idp", "s", -600);
        expired.setAudience("notifications");
        assertEquals(
                TokenVerifier.Refusal.EXPIRED,
                verifier.verify(sign(expired, RSA, AlgorithmIdentifiers.RSA_USING_SHA256))
                        .refusal()
                        .orElseThrow());
        var foreign = claims("https://other", "s", 600);
        foreign.setAudience("notifications");
        assertEquals(
                TokenVerifier.Refusal.ISSUER,
                verifier.verify(sign(foreign, RSA, AlgorithmIdentifiers.RSA_USING_SHA256))
                        .refusal()
                        .orElseThrow());
        var elsewhere = claims("https://idp", "s", 600);
        elsewhere.setAudience("billing");
        assertEquals(
                TokenVerifier.Refusal.AUDIENCE,
                verifier.verify(sign(elsewhere, RSA, AlgorithmIdentifiers.RSA_USING_SHA256))
                        .refusal()
                        .orElseThrow());
        var nobody = claims("https://idp", null, 600);
        nobody.setAudience("notifications");
        assertEquals(
                TokenVerifier.Refusal.CLAIMS,
                verifier.verify(sign(nobody, RSA, AlgorithmIdentifiers.RSA_USING_SHA256))
                        .refusal()
                        .orElseThrow());
    }

    @Test
    void symmetricAndUnsignedTokensAreNeverAccepted() throws Exception {
        var verifier = TokenVerifier.of(
                settings(Optional.of(pem(RSA)), Optional.empty(), "RS256", Optional.empty(), List.of()));
        var hs = new JsonWebSignature();
        hs.setPayload(claims("x", "s", 600).toJson());
        hs.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hs.setKey(new HmacKey(RSA.getPublic().getEncoded()));
        hs.setDoKeyValidation(false);
        assertEquals(
                Optional.empty(), verifier.verify(hs.getCompactSerialization()).caller());
        var none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(claims("x", "s", 600).toJson().getBytes()) + ".";
        assertEquals(Optional.empty(), verifier.verify(none).caller());
        assertEquals(Optional.empty(), verifier.verify("a.b.c").caller());
    }

    @Test
    void aKeyThatIsNoKeyNamesItsSetting() {
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> TokenVerifier.of(
                        settings(Optional.of("not a key"), Optional.empty(), "RS256", Optional.empty(), List.of())));
        assertEquals(
                "MP_JWT_VERIFY_PUBLICKEY",
                error.getMessage().substring(0, error.getMessage().indexOf(':')));
    }

    @Test
    void theHeaderMustBeBearerAndOneToken() {
        assertEquals(Optional.of("a.b.c"), BearerHeader.token(List.of("Bearer a.b.c")));
        assertEquals(Optional.of("a.b.c"), BearerHeader.token(List.of("bearer a.b.c")));
        for (var header : List.of(
                "a.b.c",
                "Bearer\ta.b.c",
                "Bearer  a.b.c",
                "Bearer a.b.c x",
                "Basic a.b.c",
                "Bearer a.b",
                "Bearer a.b.c.d")) {
            assertEquals(Optional.empty(), BearerHeader.token(List.of(header)), header);
        }
        assertEquals(Optional.empty(), BearerHeader.token(List.of("Bearer a.b.c", "Bearer a.b.c")));
    }

    @Test
    void anAcceptedTokenIsTrustedForAMinuteAtMostAndNeverPastItsExpiry() throws Exception {
        var clock = new MovableClock();
        var verifier = TokenVerifier.of(
                settings(Optional.of(pem(RSA)), Optional.empty(), "RS256", Optional.empty(), List.of()), clock);
        var longLived = sign(claims("https://idp", "s", 3600), RSA, AlgorithmIdentifiers.RSA_USING_SHA256);
        assertEquals("s", verifier.verify(longLived).caller().orElseThrow().subject());
        assertTrue(verifier.trusts(longLived));
        clock.advance(TokenVerifier.TRUSTED_FOR.plusSeconds(1));
        assertFalse(verifier.trusts(longLived), "checked again after the trust window");

        var now = new MovableClock();
        var again = TokenVerifier.of(
                settings(Optional.of(pem(RSA)), Optional.empty(), "RS256", Optional.empty(), List.of()), now);
        var shortLived = sign(claims("https://idp", "s", 0), RSA, AlgorithmIdentifiers.RSA_USING_SHA256);
        assertTrue(again.verify(shortLived).caller().isPresent(), "within the minute of clock skew");
        now.advance(Duration.ofSeconds(30));
        assertTrue(again.trusts(shortLived));
        now.advance(Duration.ofSeconds(31));
        assertFalse(again.trusts(shortLived), "never trusted past its expiry and the skew");

        var forged = sign(claims("https://idp", "s", 3600), pair("RSA"), AlgorithmIdentifiers.RSA_USING_SHA256);
        assertTrue(verifier.verify(forged).refusal().isPresent());
        assertFalse(verifier.trusts(forged), "a refusal is never remembered");
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static TokenSettings settings(
            Optional<String> key,
            Optional<String> location,
            String algorithm,
            Optional<String> issuer,
            List<String> audiences) {
        return new TokenSettings(key, location, algorithm, issuer, audiences, "groups");
    }

    static JwtClaims claims(String issuer, String subject, int expiresInSeconds) {
        var claims = new JwtClaims();
        claims.setIssuer(issuer);
        if (subject != null) {
            claims.setSubject(subject);
        }
        claims.setExpirationTimeMinutesInTheFuture(expiresInSeconds / 60f);
        claims.setIssuedAtToNow();
        claims.setStringListClaim("groups", "owner", "member");
        return claims;
    }

    static String sign(JwtClaims claims, KeyPair pair, String algorithm) throws Exception {
        return jws(claims, pair, algorithm).getCompactSerialization();
    }

    static JsonWebSignature jws(JwtClaims claims, KeyPair pair, String algorithm) {
        var jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(pair.getPrivate());
        return jws;
    }

    static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static KeyPair pair(String algorithm) {
        try {
            var generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
