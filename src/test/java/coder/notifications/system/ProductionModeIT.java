package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Production mode: the identity provider's key, issuer and audience configured with the MicroProfile JWT names
 * (only its tokens are accepted, evaluation mode is off), and JSON logs for a log collector.
 */
class ProductionModeIT {

    @Test
    void onlyTokensOfTheConfiguredKeyIssuerAndAudienceAreAccepted() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        var settings = new HashMap<>(SharedService.SETTINGS);
        settings.put(
                "MP_JWT_VERIFY_PUBLICKEY",
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----");
        settings.put("MP_JWT_VERIFY_ISSUER", "https://idp.example.com");
        settings.put("MP_JWT_VERIFY_AUDIENCES", "coder-notifications");
        settings.put("CODER_PG_CONNECTION_URL", TestDatabase.fresh("production"));
        settings.put("WLP_LOGGING_CONSOLE_FORMAT", "json");
        try (var service = ServiceProcess.start("production", settings)) {
            var api = new Api(service, token(pair, "https://idp.example.com", "coder-notifications"));
            api.request().get("/notifications/settings").then().statusCode(200);
            api.as(token(pair, "https://other.example.com", "coder-notifications"))
                    .request()
                    .get("/notifications/settings")
                    .then()
                    .statusCode(401);
            api.as(token(pair, "https://idp.example.com", "billing"))
                    .request()
                    .get("/notifications/settings")
                    .then()
                    .statusCode(401);
            api.as(Api.token(UUID.randomUUID(), "owner"))
                    .request()
                    .get("/notifications/settings")
                    .then()
                    .statusCode(401);
            assertFalse(service.output().contains("evaluation mode"), service.output());
            assertJsonLogs(service.output());
        }
    }

    /** Every line the server writes is a JSON object; the service's own lines still contain "notifications". */
    private static void assertJsonLogs(String console) {
        var lines = console.lines().filter(line -> line.startsWith("{")).toList();
        assertTrue(lines.size() > 5, console);
        for (var line : lines) {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(line))) {
                reader.readObject();
            }
        }
        assertTrue(
                lines.stream().anyMatch(line -> line.contains("\"message\":\"notifications: service ready")), console);
        assertTrue(
                console.lines().filter(line -> line.contains("notifications: ")).allMatch(line -> line.startsWith("{")),
                "the service's lines are JSON too");
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
