package coder.notifications.config;

import java.time.Duration;

/** How the notifier leases, dispatches and records messages ({@code CODER_NOTIFICATIONS_*}). */
public record NotifierSettings(
        Method method,
        Duration dispatchTimeout,
        int maxSendAttempts,
        Duration retryInterval,
        Duration fetchInterval,
        Duration leasePeriod,
        int leaseCount,
        Duration storeSyncInterval,
        int storeSyncBufferSize) {

    private static final String PREFIX = "coder.notifications.";

    public static NotifierSettings from(SettingSource source) {
        var settings = new NotifierSettings(
                method(source),
                positive(source, "dispatch-timeout", "1m"),
                source.integer(PREFIX + "max-send-attempts", 5, 1),
                positive(source, "retry-interval", "5m"),
                positive(source, "fetch-interval", "15s"),
                positive(source, "lease-period", "2m"),
                source.integer(PREFIX + "lease-count", 20, 1),
                positive(source, "store-sync-interval", "2s"),
                source.integer(PREFIX + "store-sync-buffer-size", 50, 1));
        if (settings.dispatchTimeout.compareTo(settings.leasePeriod) >= 0) {
            throw SettingSource.invalid(
                    PREFIX + "dispatch-timeout",
                    CoderDuration.format(settings.dispatchTimeout),
                    "must be shorter than CODER_NOTIFICATIONS_LEASE_PERIOD ("
                            + CoderDuration.format(settings.leasePeriod)
                            + "), or a message could be leased twice while it is still being sent");
        }
        return settings;
    }

    private static Method method(SettingSource source) {
        var name = source.text(PREFIX + "method").orElse(Method.smtp.name());
        return Method.named(name)
                .filter(Method.DEPLOYMENT_METHODS::contains)
                .orElseThrow(() -> SettingSource.invalid(PREFIX + "method", name, "expected smtp or webhook"));
    }

    private static Duration positive(SettingSource source, String name, String fallback) {
        var duration = source.duration(PREFIX + name, fallback);
        if (duration.isZero()) {
            throw SettingSource.invalid(PREFIX + name, "0", "must be longer than zero");
        }
        return duration;
    }
}
