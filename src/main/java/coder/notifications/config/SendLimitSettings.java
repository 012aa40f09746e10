package coder.notifications.config;

/**
 * How many test and custom notifications one person may send per minute
 * ({@code CODER_NOTIFICATIONS_SEND_RATE_LIMIT}, default 10): what people can trigger is limited, what systems
 * report through the events API is not.
 */
public record SendLimitSettings(int perMinute) {

    public static SendLimitSettings from(SettingSource source) {
        return new SendLimitSettings(source.integer("coder.notifications.send-rate-limit", 10, 1));
    }
}
