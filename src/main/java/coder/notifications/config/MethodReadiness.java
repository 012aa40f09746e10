package coder.notifications.config;

import java.util.Optional;

/**
 * Whether a delivery method can deliver with the settings in force, and if not, which setting is missing: what the
 * console warns about before an owner finds out from a failed message.
 */
public final class MethodReadiness {

    private MethodReadiness() {}

    /** Empty when the method can deliver; otherwise what is missing, naming the setting. */
    public static Optional<String> problem(Method method, EmailSettings email, WebhookSettings webhook) {
        return switch (method) {
            case smtp ->
                email.from().isPresent()
                        ? Optional.empty()
                        : Optional.of("CODER_EMAIL_FROM is not set, so email has no sender");
            case webhook ->
                webhook.endpoint().isPresent()
                        ? Optional.empty()
                        : Optional.of(
                                "CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT is not set, so webhooks have nowhere to go");
            case inbox -> Optional.empty();
        };
    }

    /** The method as people say it: email, webhook, inbox only. */
    public static String word(Method method) {
        return switch (method) {
            case smtp -> "email";
            case webhook -> "webhook";
            case inbox -> "inbox only";
        };
    }
}
