package coder.notifications.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotifierSettingsTest {

    @Test
    void defaultsAreCodersDefaults() {
        var settings = NotifierSettings.from(Settings.of());
        assertEquals(
                new NotifierSettings(
                        Method.smtp,
                        Duration.ofMinutes(1),
                        5,
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(15),
                        Duration.ofMinutes(2),
                        20,
                        Duration.ofSeconds(2),
                        50),
                settings);
    }

    @Test
    void everySettingIsReadFromItsCoderVariable() {
        var settings = NotifierSettings.from(Settings.of(
                "CODER_NOTIFICATIONS_METHOD", "webhook",
                "CODER_NOTIFICATIONS_DISPATCH_TIMEOUT", "500ms",
                "CODER_NOTIFICATIONS_MAX_SEND_ATTEMPTS", "3",
                "CODER_NOTIFICATIONS_RETRY_INTERVAL", "1h30m",
                "CODER_NOTIFICATIONS_FETCH_INTERVAL", "1s",
                "CODER_NOTIFICATIONS_LEASE_PERIOD", "10s",
                "CODER_NOTIFICATIONS_LEASE_COUNT", "7",
                "CODER_NOTIFICATIONS_STORE_SYNC_INTERVAL", "250ms",
                "CODER_NOTIFICATIONS_STORE_SYNC_BUFFER_SIZE", "9"));
        assertEquals(
                new NotifierSettings(
                        Method.webhook,
                        Duration.ofMillis(500),
                        3,
                        Duration.ofMinutes(90),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10),
                        7,
                        Duration.ofMillis(250),
                        9),
                settings);
    }

    @ParameterizedTest
    @CsvSource({
        "CODER_NOTIFICATIONS_METHOD, email",
        "CODER_NOTIFICATIONS_DISPATCH_TIMEOUT, soon",
        "CODER_NOTIFICATIONS_DISPATCH_TIMEOUT, 0",
        "CODER_NOTIFICATIONS_MAX_SEND_ATTEMPTS, 0",
        "CODER_NOTIFICATIONS_MAX_SEND_ATTEMPTS, five",
        "CODER_NOTIFICATIONS_RETRY_INTERVAL, 5",
        "CODER_NOTIFICATIONS_FETCH_INTERVAL, -15s",
        "CODER_NOTIFICATIONS_LEASE_PERIOD, 2 minutes",
        "CODER_NOTIFICATIONS_LEASE_COUNT, 0",
        "CODER_NOTIFICATIONS_STORE_SYNC_INTERVAL, 2x",
        "CODER_NOTIFICATIONS_STORE_SYNC_BUFFER_SIZE, -1"
    })
    void anInvalidValueNamesTheVariableAndTheValue(String variable, String value) {
        var error =
                assertThrows(InvalidSettingException.class, () -> NotifierSettings.from(Settings.of(variable, value)));
        assertEquals(variable, error.variable());
        assertTrue(error.getMessage().startsWith(variable + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(value), error.getMessage());
    }

    @Test
    void aDispatchTimeoutNotShorterThanTheLeasePeriodIsRefused() {
        var error = assertThrows(
                InvalidSettingException.class,
                () -> NotifierSettings.from(Settings.of(
                        "CODER_NOTIFICATIONS_DISPATCH_TIMEOUT", "2m", "CODER_NOTIFICATIONS_LEASE_PERIOD", "2m")));
        assertEquals("CODER_NOTIFICATIONS_DISPATCH_TIMEOUT", error.variable());
        assertTrue(error.getMessage().contains("CODER_NOTIFICATIONS_LEASE_PERIOD"), error.getMessage());
    }
}
