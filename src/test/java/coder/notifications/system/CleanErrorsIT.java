package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Errors answer in the API's shape and show no server internals: no class or method names, no server message
 * ids, no echoed input, no {@code $WSEP} header; only the documented endpoints answer.
 */
class CleanErrorsIT {

    private final ServiceProcess service = SharedService.get();
    private final String token = Api.token(UUID.randomUUID(), "owner");

    @Test
    void aMalformedHostHeaderIs400InTheErrorShape() throws IOException {
        var answer = raw(
                "GET /api/v2/notifications/settings HTTP/1.1\r\nHost: a b\r\nAuthorization: Bearer " + token + "\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("\"field\": \"Host\""), answer);
        clean(answer);
        var page = raw("GET /settings/notifications HTTP/1.1\r\nHost: <script>\r\n");
        assertTrue(page.startsWith("HTTP/1.1 400"), page);
        clean(page);
    }

    @Test
    void unknownPathsAndMethodsEchoNothing() throws IOException {
        var probe = "probe" + UUID.randomUUID().toString().substring(0, 8);
        for (var answer : new String[] {
            raw("GET /api/v2/" + probe + " HTTP/1.1\r\nHost: evil-" + probe + ".example.com\r\nAuthorization: Bearer "
                    + token + "\r\n"),
            raw("GET /" + probe + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"),
            raw("DELETE /api/v2/notifications/settings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\n"),
            raw("GET /api/v2/users/a%2F..%2Fb HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n")
        }) {
            assertFalse(answer.contains(probe), answer);
            assertTrue(answer.contains("\"message\""), answer);
            clean(answer);
        }
    }

    @Test
    void theServersJwtEndpointsAreGone() throws IOException {
        for (var path : new String[] {"/jwt/ibm/api/defaultJWT/jwk", "/jwt/ibm/api/defaultJWT/token", "/jwt/"}) {
            var answer = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 404"), path + ": " + answer);
        }
    }

    @Test
    void metricsSendNoCorsCredentials() {
        var response = io.restassured.RestAssured.given()
                .baseUri(service.uri("").toString())
                .header("Origin", "https://evil.example.com")
                .get("/metrics");
        assertEquals(200, response.statusCode());
        assertNull(response.header("Access-Control-Allow-Credentials"));
        assertNull(response.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aBareTokenWithoutTheBearerSchemeIsRefused() throws IOException {
        assertTrue(raw("GET /api/v2/notifications/settings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + token
                        + "\r\n")
                .startsWith("HTTP/1.1 401"));
        assertTrue(raw("GET /api/v2/notifications/settings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: BEARER "
                        + token + "\r\n")
                .startsWith("HTTP/1.1 200"));
    }

    private static void clean(String answer) {
        assertFalse(answer.contains("$WSEP"), answer);
        assertFalse(answer.matches("(?s).*\\b[A-Z]{4,5}\\d{4}[IEW]\\b.*"), "a server message id: " + answer);
        assertFalse(
                answer.matches("(?s).*\\b(com|org|io|java|jakarta)\\.[a-z]+\\.[A-Za-z.]+.*"),
                "a class name: " + answer);
        assertFalse(answer.toLowerCase().contains("exception"), answer);
    }

    private String raw(String head) throws IOException {
        try (var socket = new Socket("127.0.0.1", service.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
