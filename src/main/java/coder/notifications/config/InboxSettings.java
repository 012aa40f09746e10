package coder.notifications.config;

import java.time.Duration;

/**
 * The in-product inbox (SPEC 12): whether every recipient also gets an inbox item
 * ({@code CODER_NOTIFICATIONS_INBOX_ENABLED}, on by default, as in Coder) and how long items are kept
 * ({@code CODER_NOTIFICATIONS_INBOX_RETENTION}, 90 days).
 */
public record InboxSettings(boolean enabled, Duration retention) {

    private static final String PREFIX = "coder.notifications.inbox.";

    public static InboxSettings from(SettingSource source) {
        var retention = source.duration(PREFIX + "retention", "2160h");
        if (retention.isZero()) {
            throw SettingSource.invalid(PREFIX + "retention", "0", "must be longer than zero");
        }
        return new InboxSettings(source.bool(PREFIX + "enabled", PREFIX + "enabled", true), retention);
    }
}
