package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The operator's command-line client pauses and resumes every replica's delivery. */
class OperatorClientIT {

    @Test
    void pauseStatusAndResume() throws Exception {
        var service = SharedService.get();
        var api = new Api(service);
        try {
            assertTrue(client(service, "pause").contains("paused"));
            assertTrue(client(service, "status").contains("\"notifier_paused\":true"));
            api.request().get("/notifications/settings").then().statusCode(200)
                    .body("notifier_paused", org.hamcrest.Matchers.equalTo(true));
            assertTrue(client(service, "resume").contains("resumed"));
            assertTrue(client(service, "status").contains("\"notifier_paused\":false"));
        } finally {
            api.pause(false);
        }
    }

    private static String client(ServiceProcess service, String command) throws Exception {
        var builder = new ProcessBuilder("sh", Path.of("src/main/scripts/notifications").toString(), command)
                .redirectErrorStream(true);
        builder.environment().put("NOTIFICATIONS_URL", service.uri("").toString());
        builder.environment().put("NOTIFICATIONS_TOKEN", Api.token(coder.notifications.security.EvaluationKeys.OWNER, "owner"));
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
