package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * Production mode: the identity provider's key, issuer and audience configured with the MicroProfile JWT names;
 * only its tokens are accepted, and evaluation mode is off.
 */
class ConfiguredKeyIT {

    @Test
    void onlyTokensOfTheConfiguredKeyIssuerAndAudienceAreAccepted() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        var settings = new HashMap<>(SharedService.SETTINGS);
        settings.put("MP_JWT_VERIFY_PUBLICKEY", "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----");
        settings.put("MP_JWT_VERIFY_ISSUER", "https://idp.example.com");
        settings.put("MP_JWT_VERIFY_AUDIENCES", "coder-notifications");
        settings.put("CODER_PG_CONNECTION_URL", TestDatabase.fresh("configured_key"));
        try (var service = ServiceProcess.start("configured-key", settings)) {
            var api = new Api(service, token(pair, "https://idp.example.com", "coder-notifications"));
            api.request().get("/notifications/settings").then().statusCode(200);
            api.as(token(pair, "https://other.example.com", "coder-notifications")).request().get("/notifications/settings").then().statusCode(401);
            api.as(token(pair, "https://idp.example.com", "billing")).request().get("/notifications/settings").then().statusCode(401);
            api.as(Api.token(UUID.randomUUID(), "owner")).request().get("/notifications/settings").then().statusCode(401);
            assertFalse(service.output().contains("evaluation mode"), service.output());
        }
    }

    private static String token(KeyPair pair, String issuer, String audience) throws Exception {
        var claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(UUID.randomUUID().toString());
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setStringListClaim("groups", "owner");
        var jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(pair.getPrivate());
        return jws.getCompactSerialization();
    }
}
