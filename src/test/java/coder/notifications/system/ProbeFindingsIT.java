package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.security.EvaluationKeys;
import coder.notifications.signin.Secrets;
import java.io.IOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/**
 * The smaller findings of the security probe (issue 24, points 4 and 5), each with the probe's own request: no
 * 500 where a 400 belongs, no log noise or FFDC file for ordinary refusals, no secret path of the webhook endpoint
 * shown, a bounded table of sign-in attempts, redirects on the public URL, a sign-in link that a preview cannot
 * use up, a private log folder, API answers that are neither cached nor sniffed, one Content-Length only.
 */
class ProbeFindingsIT {

    private final ServiceProcess service = SharedService.get();
    private final Api owner = new Api(service);

    @Test
    void aSignedInSignInWithADotDotNextGoesSafelyToTheDefaultPage() throws Exception {
        var browser = signedIn("owner");
        var before = service.output().length();
        var answer = browser.send(
                HttpRequest.newBuilder(URI.create(SharedService.PUBLIC_URL + "/sign-in?next=/../x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode(), answer.body());
        assertEquals(
                SharedService.PUBLIC_URL + "/settings/notifications",
                answer.headers().firstValue("Location").orElse(""));
        assertNoStackTraceSince(before);
    }

    @Test
    void anUnsubscribeLinkOfAUserDeletedSinceIsThe400Page() throws Exception {
        var user = owner.user("Dee Leted", "member");
        owner.event(Map.of(
                        "template",
                        "Your account has been activated",
                        "user_id",
                        user.toString(),
                        "labels",
                        Map.of("activated_account_name", "dee", "initiator", "probe")))
                .then()
                .statusCode(202);
        var link = SharedService.RECEIVER
                .awaitDelivered(user, 1, Duration.ofSeconds(30))
                .get(0)
                .getJsonObject("payload")
                .getString("unsubscribe_url");
        owner.request().delete("/users/" + user).then().statusCode(204);
        var before = service.output().length();
        var answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(link))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(answer.body().contains("This unsubscribe link is not valid"), answer.body());
        assertNoStackTraceSince(before);
    }

    @Test
    void unknownPathsWriteNoWarningAndNoFfdcFile() throws Exception {
        var probe = "/probe-" + UUID.randomUUID();
        assertEquals(
                404,
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(service.uri(probe)).build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode());
        assertEquals(404, service.get("/static"), "a folder is not served either");
        assertEquals(200, service.get("/static/pages.css"), "files still are");
        // Nothing must appear: the server writes a request's log line as it answers, so half a second after the
        // answers any line would be in the output.
        Api.sleep(500);
        assertFalse(service.output().contains(probe), "the path is not logged");
        assertFalse(service.output().contains("SRVE0190E"));
        assertEquals(List.of(), ffdcFilesNaming("SRVE0190E"));
    }

    @Test
    void ordinary400And409And429AnswersWriteNoFfdcFile() throws Exception {
        var member = owner.user("Fay Fdc", "member", "owner");
        var caller = owner.as(Api.token(member, "owner"));
        caller.request()
                .body(Map.of("template_disabled_map", Map.of("not-a-template", true)))
                .put("/users/me/notifications/preferences")
                .then()
                .statusCode(400);
        var taken = owner.request().get("/users/" + member).then().extract().path("username");
        owner.request()
                .body(Map.of("username", taken))
                .put("/users/" + UUID.randomUUID())
                .then()
                .statusCode(409);
        int status = 0;
        for (int i = 0; i < 20 && status != 429; i++) {
            status = caller.request().post("/notifications/test").statusCode();
        }
        assertEquals(429, status);
        // Nothing must appear: an FFDC file is written while the request is answered; a second after the last
        // answer any such file exists.
        Api.sleep(1000);
        assertEquals(
                List.of(),
                ffdcFilesNaming(
                        "InvalidRequestException",
                        "ConflictException",
                        "TooManyRequestsException",
                        "NotFoundException",
                        "ForbiddenException"));
    }

    @Test
    void theWebhookEndpointsPathIsShownNeitherInTheStartUpLogNorOnTheConsole() throws Exception {
        var endpoint = SharedService.RECEIVER.endpoint();
        var origin = endpoint.substring(0, endpoint.indexOf('/', "http://".length()));
        assertTrue(service.output().contains("WebhookSettings[endpoint=" + origin + ","), "the log shows the origin");
        assertFalse(service.output().contains(endpoint), "the log never shows the path");
        var settings = signedIn("owner")
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(SharedService.PUBLIC_URL + "/deployment/notifications?tab=settings"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, settings.statusCode());
        assertTrue(settings.body().contains(origin), settings.body());
        assertFalse(settings.body().contains(endpoint), "the console never shows the path");
    }

    @Test
    void anonymousOpenIdConnectStartsCannotGrowTheSignInAttemptsWithoutBound() throws Exception {
        var marker = "probe-" + UUID.randomUUID();
        try (var database = TestDatabase.connect();
                var statement = database.createStatement()) {
            statement.executeUpdate(
                    "INSERT INTO sign_in_attempts (token_hash, kind, roles, code_verifier, nonce, expires_at)"
                            + " VALUES (decode(md5('" + marker + "'), 'hex'), 'oidc', '{}', 'v', '" + marker
                            + "-expired',"
                            + " now() - interval '1 minute')");
            assertEquals(302, oidcStart());
            assertEquals(0, count(statement, "nonce = '" + marker + "-expired'"), "expired attempts are purged");
            long open = count(statement, "kind = 'oidc'");
            statement.executeUpdate(
                    "INSERT INTO sign_in_attempts (token_hash, kind, roles, code_verifier, nonce, expires_at)"
                            + " SELECT decode(md5('" + marker + "' || g), 'hex'), 'oidc', '{}', 'v', '" + marker + "',"
                            + " now() + interval '10 minutes' FROM generate_series(1, " + (10_000 - open) + ") g");
            assertEquals(503, oidcStart(), "the 10,001st waiting attempt is refused");
            assertEquals(10_000, count(statement, "kind = 'oidc'"), "and nothing was stored");
        } finally {
            try (var database = TestDatabase.connect();
                    var statement = database.createStatement()) {
                statement.executeUpdate("DELETE FROM sign_in_attempts WHERE nonce LIKE '" + marker + "%'");
            }
        }
        assertEquals(302, oidcStart(), "with room again, sign-in starts");
    }

    @Test
    void redirectsAreBuiltOnThePublicUrlNotOnTheHostHeader() throws IOException {
        for (var path : List.of("/", "/settings/notifications", "/deployment/notifications")) {
            var answer = raw("GET " + path + " HTTP/1.1\r\nHost: evil.com\r\n");
            var location = header(answer, "Location");
            assertTrue(location.startsWith(SharedService.PUBLIC_URL + "/sign-in"), path + ": " + answer);
        }
    }

    @Test
    void aHeadOrAnUnfurlersGetLeavesTheSignInLinkUsableAndOnlyThePostOfItsPageSignsIn() throws Exception {
        var token = Secrets.token();
        try (var database = TestDatabase.connect();
                var statement = database.prepareStatement(
                        "INSERT INTO sign_in_attempts (token_hash, kind, user_id, roles, expires_at)"
                                + " VALUES (?, 'link', ?, '{owner}', now() + interval '1 hour')")) {
            statement.setBytes(1, Secrets.sha256(token));
            statement.setObject(2, EvaluationKeys.OWNER);
            statement.executeUpdate();
        }
        var link = URI.create(SharedService.PUBLIC_URL + "/sign-in/link?token=" + token);
        var plain = HttpClient.newHttpClient();
        var head = plain.send(
                HttpRequest.newBuilder(link)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        var unfurled = plain.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, unfurled.statusCode());
        assertTrue(unfurled.headers().allValues("Set-Cookie").stream()
                .noneMatch(c -> c.startsWith("notifications_session=")));
        var forged = plain.send(
                HttpRequest.newBuilder(URI.create(SharedService.PUBLIC_URL + "/sign-in/link"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&form=" + Secrets.token()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode(), "a post without the page's cookie is refused");

        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var page = browser.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        var form = Pattern.compile("name=\"form\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(form.find(), page.body());
        var signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(SharedService.PUBLIC_URL + "/sign-in/link"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&form=" + form.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, signedIn.statusCode());
        assertEquals(
                SharedService.PUBLIC_URL + "/settings/notifications",
                signedIn.headers().firstValue("Location").orElse(""));
        assertTrue(signedIn.headers().allValues("Set-Cookie").stream()
                .anyMatch(cookie -> cookie.startsWith("notifications_session=")));
        assertEquals(
                400,
                plain.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode(),
                "used once, the link is void");
    }

    @Test
    void theLogFolderAndMessagesLogAreReadableByTheServiceAlone() throws IOException {
        Path messages;
        try (var paths = Files.walk(ServiceProcess.WORK.resolve(service.name).resolve("server"))) {
            messages = paths.filter(path -> path.getFileName().toString().equals("messages.log"))
                    .findFirst()
                    .orElseThrow();
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(messages)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(messages.getParent())));
        assertTrue(Files.readString(messages, StandardCharsets.ISO_8859_1).contains("/sign-in/link?token="));
    }

    @Test
    void everyApiAnswerIsNeitherCachedNorSniffedErrorsIncluded() {
        var token = Api.token(UUID.randomUUID(), "owner");
        for (var answer : List.of(
                owner.request().get("/notifications/settings"),
                owner.anonymous().get("/notifications/settings"),
                owner.as(token).request().get("/no-such-resource"),
                owner.request().body("{").post("/notifications/events"))) {
            assertEquals("no-store", answer.header("Cache-Control"), answer.statusLine());
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), answer.statusLine());
        }
    }

    /**
     * The application cannot answer 400 here: the server keeps the first Content-Length and drops the others before
     * any filter sees the request. What holds is that it then closes the connection after its answer, so the rest of
     * a body framed by the other length is never read as a second request.
     */
    @Test
    void twoDifferentContentLengthHeadersEndTheConnectionSoNothingIsSmuggled() throws IOException {
        var token = Api.token(EvaluationKeys.OWNER, "owner");
        var body = "{\"template\":\"Workspace Deleted\",\"user_id\":\"" + UUID.randomUUID() + "\"}";
        var smuggled = "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        try (var socket = new Socket("127.0.0.1", service.port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write(("POST /api/v2/notifications/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                                    + token + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                                    + "\r\nContent-Length: " + (body.length() + smuggled.length()) + "\r\n\r\n" + body
                                    + smuggled)
                            .getBytes(StandardCharsets.ISO_8859_1));
            var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, answer.split("HTTP/1.1 ", -1).length - 1, "one answer only: " + answer);
            assertTrue(header(answer, "Connection").equalsIgnoreCase("close"), answer);
        }
    }

    /** An HTTP client with a session of a new person with these roles, signed in through the suite's provider. */
    private static HttpClient signedIn(String... roles) throws Exception {
        var id = UUID.randomUUID();
        var username = "p" + id.toString().substring(0, 8);
        SharedService.OIDC.enqueueCallback(new DefaultOAuth2TokenCallback(
                SharedService.OIDC_ISSUER,
                id.toString(),
                "JWT",
                List.of(SharedService.OIDC_CLIENT),
                Map.of("groups", List.of(roles), "preferred_username", username, "email", username + "@example.com"),
                3600));
        var cookies = new CookieManager();
        var following = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
        var landed = following.send(
                HttpRequest.newBuilder(URI.create(SharedService.PUBLIC_URL + "/sign-in/oidc"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, landed.statusCode());
        assertTrue(
                landed.uri().toString().endsWith("/settings/notifications"),
                landed.uri().toString());
        return HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    private int oidcStart() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(SharedService.PUBLIC_URL + "/sign-in/oidc"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static long count(java.sql.Statement statement, String condition) throws SQLException {
        try (var result = statement.executeQuery("SELECT count(*) FROM sign_in_attempts WHERE " + condition)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void assertNoStackTraceSince(int offset) {
        // Nothing must appear: a stack trace is logged as the failing request is answered, so half a second later
        // it would be in the output.
        Api.sleep(500);
        var added = service.output().substring(offset);
        assertFalse(added.contains("\tat "), added);
        assertFalse(added.contains("FFDC1015I"), added);
    }

    /** The FFDC files of the shared service that mention any of the words. */
    private List<String> ffdcFilesNaming(String... words) throws IOException {
        try (var paths = Files.walk(ServiceProcess.WORK.resolve(service.name).resolve("server"))) {
            return paths.filter(path -> path.toString().contains("/logs/ffdc/"))
                    .filter(Files::isRegularFile)
                    .filter(path -> {
                        try {
                            var text = Files.readString(path, StandardCharsets.ISO_8859_1);
                            return List.of(words).stream().anyMatch(text::contains);
                        } catch (IOException e) {
                            return true;
                        }
                    })
                    .map(Path::toString)
                    .toList();
        }
    }

    private String raw(String head) throws IOException {
        return raw(head, "");
    }

    private String raw(String head, String body) throws IOException {
        try (var socket = new Socket("127.0.0.1", service.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((head + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String answer, String name) {
        return answer.lines()
                .takeWhile(line -> !line.isEmpty())
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip())
                .findFirst()
                .orElse("");
    }
}
