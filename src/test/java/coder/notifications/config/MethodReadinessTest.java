package coder.notifications.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MethodReadinessTest {

    private static EmailSettings email(Map<String, String> values) {
        return EmailSettings.from(Settings.of(pairs(values)));
    }

    private static WebhookSettings webhook(Map<String, String> values) {
        return WebhookSettings.from(Settings.of(pairs(values)));
    }

    private static String[] pairs(Map<String, String> values) {
        return values.entrySet().stream()
                .flatMap(entry -> java.util.stream.Stream.of(entry.getKey(), entry.getValue()))
                .toArray(String[]::new);
    }

    @Test
    void emailWithoutASenderCannotDeliverAndSaysWhichSettingIsMissing() {
        var problem = MethodReadiness.problem(Method.smtp, email(Map.of()), webhook(Map.of()));
        assertTrue(problem.orElseThrow().startsWith("CODER_EMAIL_FROM is not set"), problem.toString());
        assertEquals(
                Optional.empty(),
                MethodReadiness.problem(
                        Method.smtp, email(Map.of("CODER_EMAIL_FROM", "Coder <n@example.com>")), webhook(Map.of())));
    }

    @Test
    void aWebhookWithoutEndpointCannotDeliverAndTheInboxAlwaysCan() {
        var problem = MethodReadiness.problem(Method.webhook, email(Map.of()), webhook(Map.of()));
        assertTrue(
                problem.orElseThrow().startsWith("CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT is not set"),
                problem.toString());
        assertEquals(
                Optional.empty(),
                MethodReadiness.problem(
                        Method.webhook,
                        email(Map.of()),
                        webhook(Map.of("CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT", "https://hooks.example.com/x"))));
        assertEquals(Optional.empty(), MethodReadiness.problem(Method.inbox, email(Map.of()), webhook(Map.of())));
    }

    @Test
    void methodsAreNamedAsPeopleSayThem() {
        assertEquals("email", MethodReadiness.word(Method.smtp));
        assertEquals("webhook", MethodReadiness.word(Method.webhook));
        assertEquals("inbox only", MethodReadiness.word(Method.inbox));
    }
}
