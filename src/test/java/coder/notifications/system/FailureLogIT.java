package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every failed send is logged at WARNING with the message id, method, attempt and reason, without CODER_VERBOSE. */
class FailureLogIT {

    private final Api api = new Api(SharedService.get());

    @Test
    void eachFailedAttemptIsAWarningLine() {
        var user = api.user("Walt Warning", "member");
        SharedService.RECEIVER.script(user, 503, 400);
        var id = api.event(Map.of(
                        "template",
                        "Workspace Deleted",
                        "user_id",
                        user.toString(),
                        "labels",
                        Map.of("name", "warned")))
                .then()
                .statusCode(202)
                .extract()
                .path("messages[0].id")
                .toString();
        api.awaitStatus(id, "permanent_failure", Duration.ofSeconds(30));
        var lines = SharedService.get()
                .output()
                .lines()
                .filter(line -> line.contains(id) && line.contains(" W "))
                .toList();
        assertTrue(
                lines.stream()
                        .anyMatch(line -> line.contains(
                                        "notifications: send of message " + id + " by webhook failed (attempt 1 of 3")
                                && line.contains("answered 503")),
                String.join("\n", lines));
        assertTrue(
                lines.stream()
                        .anyMatch(line ->
                                line.contains("(attempt 2 of 3, no more tries)") && line.contains("answered 400")),
                String.join("\n", lines));
    }
}
