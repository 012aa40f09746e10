package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * No token ever reaches a log or an FFDC file, whatever the Authorization header looks like, and a flood of bad
 * tokens adds a bounded amount of log and moves a counter. Requests are written byte for byte on a socket, so
 * that headers no HTTP client would send arrive as written.
 */
class TokenLeaksIT {

    private final ServiceProcess service = SharedService.get();

    @Test
    void noFormOfAuthorizationHeaderPutsTheTokenInALog() throws Exception {
        var id = UUID.randomUUID();
        var token = Api.token(id, "owner");
        var signature = token.substring(token.lastIndexOf('.') + 1);
        var forms = List.of(
                "Authorization: Bearer\t" + token,
                "Authorization: Bearer " + token + " xyz",
                "Authorization: " + token,
                "Authorization: Bearer  " + token,
                "Authorization: Bearer " + token + ".",
                "Authorization: Bearer " + token + "x",
                "Authorization: Token " + token,
                "Authorization: Basic " + token,
                "Authorization: Bearer " + token + ",Bearer " + token,
                "Authorization: Bearer " + token + "\r\nAuthorization: Bearer " + token,
                "Authorization: Bearer " + token.replace('.', ':'),
                "Authorization: Bearer " + token.substring(0, token.lastIndexOf('.') + 1) + signature.substring(1)
                        + "A",
                "Authorization: Bearer=" + token,
                "Authorization: " + token + " Bearer");
        for (var form : forms) {
            assertEquals(401, statusOf(form), form);
        }
        assertEquals(200, statusOf("Authorization: bEaReR " + token), "the scheme is case-insensitive");
        // Nothing must appear: lines are written as each request is answered; half a second later all are in the files.
        Api.sleep(500);
        var leaks = new ArrayList<String>();
        for (var file : logFiles()) {
            var text = Files.readString(file, StandardCharsets.ISO_8859_1);
            if (text.contains(signature) || text.contains(token.substring(0, token.lastIndexOf('.')))) {
                leaks.add(file.toString());
            }
        }
        assertEquals(List.of(), leaks, "files holding the token");
    }

    @Test
    void aFloodOfBadTokensAddsOneLineAMinuteAndCountsThemAll() throws Exception {
        var forged = Api.token(UUID.randomUUID(), "owner");
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA"
                + forged.substring(forged.lastIndexOf('.') + 5);
        var before = refusalLines();
        var counted = refusalsCounted();
        for (int i = 0; i < 200; i++) {
            assertEquals(401, statusOf("Authorization: Bearer " + forged));
        }
        // At most one line must appear: lines are written as each refusal is answered; half a second later all are.
        Api.sleep(500);
        assertTrue(
                refusalLines() - before <= 1,
                "at most one line a minute for this client: " + (refusalLines() - before));
        assertTrue(refusalsCounted() - counted >= 200, "every refusal counted on /metrics");
    }

    /** Sends GET /api/v2/notifications/settings with the header lines exactly as given; answers the status. */
    private int statusOf(String headerLines) throws IOException {
        try (var socket = new Socket("127.0.0.1", service.port)) {
            socket.setSoTimeout(10_000);
            var request = "GET /api/v2/notifications/settings HTTP/1.1\r\nHost: 127.0.0.1:" + service.port + "\r\n"
                    + headerLines + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    private List<Path> logFiles() throws IOException {
        var files = new ArrayList<Path>();
        files.add(service.console);
        try (var paths = Files.walk(ServiceProcess.WORK.resolve(service.name).resolve("server"))) {
            paths.filter(Files::isRegularFile)
                    .filter(path -> path.toString().contains("/logs/"))
                    .forEach(files::add);
        }
        assertTrue(
                files.stream().anyMatch(path -> path.getFileName().toString().equals("messages.log")),
                files.toString());
        return files;
    }

    private long refusalLines() {
        return service.output()
                .lines()
                .filter(line -> line.contains("refused a bearer token from"))
                .count();
    }

    private double refusalsCounted() {
        var metrics = io.restassured.RestAssured.given()
                .baseUri(service.uri("").toString())
                .get("/metrics")
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith("notifications_refused_tokens_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
