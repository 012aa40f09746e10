package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.security.EvaluationKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The operator's client as shipped (target/notifications, next to the JAR): every command, and every kind of failure. */
class OperatorClientIT {

    static final Path CLIENT = Path.of(System.getProperty("operator.client", "target/notifications"));

    private final ServiceProcess service = SharedService.get();
    private final Api api = new Api(service);

    /** What one run printed and how it ended. */
    record Run(int exit, String output) {}

    @Test
    void theShippedClientIsExecutable() {
        assertTrue(Files.isExecutable(CLIENT), CLIENT + " is shipped and executable");
    }

    @Test
    void pauseStatusAndResumeWithTheEnvironment() throws Exception {
        try {
            var owner = Api.token(EvaluationKeys.OWNER, "owner");
            assertEquals(new Run(0, "delivery paused on every replica\n"), run(owner, true, "pause"));
            assertEquals(new Run(0, "paused\n"), run(owner, true, "status"));
            api.request()
                    .get("/notifications/settings")
                    .then()
                    .statusCode(200)
                    .body("notifier_paused", org.hamcrest.Matchers.equalTo(true));
            assertEquals(new Run(0, "delivery resumed\n"), run(owner, true, "resume"));
            assertEquals(new Run(0, "running\n"), run(owner, true, "status"));
        } finally {
            api.pause(false);
        }
    }

    @Test
    void testAndCustomWithFlagsReachTheTokensUser() throws Exception {
        var id = api.user("Cli Carla", "owner");
        var token = Api.token(id, "owner");
        assertEquals(
                0,
                run(token, false, "--url", service.uri("").toString(), "--token", token, "test")
                        .exit());
        var custom = run(
                token,
                false,
                "--url",
                service.uri("").toString(),
                "--token",
                token,
                "custom",
                "--title",
                "Deploy \"v2\" done",
                "--message",
                "line one\nline two \\ with a backslash");
        assertEquals(new Run(0, "custom notification queued for the token's user\n"), custom);
        var documents = SharedService.RECEIVER.awaitDelivered(id, 2, Duration.ofSeconds(30));
        assertTrue(
                documents.stream()
                        .anyMatch(document -> document.getString("title").equals("Deploy \"v2\" done")
                                && document.getString("body").contains("line two")
                                && document.getString("body").contains("\\ with a backslash")),
                documents.toString());
    }

    @Test
    void inboxListsTheTokensUsersUnreadItemsNewestFirst() throws Exception {
        var id = api.user("Cli Ines", "member");
        var token = Api.token(id, "member");
        var mine = api.as(token);
        var sent = new java.util.ArrayList<String>();
        for (var name : java.util.List.of("first \"quoted\"", "second, with a comma")) {
            sent.add(api.event(java.util.Map.of(
                            "template",
                            "Workspace Deleted",
                            "user_id",
                            id.toString(),
                            "labels",
                            java.util.Map.of("name", name)))
                    .then()
                    .statusCode(202)
                    .extract()
                    .jsonPath()
                    .getString("messages.find { it.method == 'inbox' }.id"));
        }
        sent.forEach(message -> api.awaitStatus(message, "sent", Duration.ofSeconds(30)));
        mine.request()
                .body(java.util.Map.of("is_read", true))
                .put("/notifications/inbox/" + sent.get(0) + "/read-status")
                .then()
                .statusCode(200);
        var run = run(token, true, "inbox");
        assertEquals(0, run.exit(), run.output());
        var lines = run.output().lines().toList();
        assertEquals("1 unread", lines.get(0), run.output());
        assertEquals(2, lines.size(), run.output());
        assertTrue(lines.get(1).endsWith("Workspace \"second, with a comma\" deleted"), run.output());
    }

    @Test
    void failuresSayWhyAndExitNonZero() throws Exception {
        var badToken = run("not-a-token", true, "status");
        assertEquals(1, badToken.exit());
        assertTrue(badToken.output().contains("not accepted (401)"), badToken.output());
        var member = run(Api.token(api.user("Cli Member", "member"), "member"), true, "pause");
        assertEquals(1, member.exit());
        assertTrue(member.output().contains("(403)"), member.output());
        var unreachable =
                run("x", false, "--url", "http://127.0.0.1:" + ServiceProcess.freePort(), "--token", "x", "status");
        assertEquals(1, unreachable.exit());
        assertTrue(unreachable.output().contains("cannot reach the service"), unreachable.output());
        var noToken = run("", true, "status");
        assertNotEquals(0, noToken.exit());
        assertTrue(noToken.output().contains("no token"), noToken.output());
        var wrong = run("x", true, "explode");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.output().contains("usage:"), wrong.output());
    }

    private Run run(String token, boolean fromEnvironment, String... arguments) throws Exception {
        var command = new ArrayList<>(List.of(CLIENT.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("NOTIFICATIONS_URL");
        builder.environment().remove("NOTIFICATIONS_TOKEN");
        if (fromEnvironment) {
            builder.environment().put("NOTIFICATIONS_URL", service.uri("").toString());
            builder.environment().put("NOTIFICATIONS_TOKEN", token);
        }
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), output);
    }
}
