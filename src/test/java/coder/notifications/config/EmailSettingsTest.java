package coder.notifications.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailSettingsTest {

    @TempDir
    Path folder;

    @Test
    void defaultsAreCodersDefaults() {
        var settings = EmailSettings.from(Settings.of());
        assertEquals(Optional.empty(), settings.from());
        assertEquals("localhost", settings.host());
        assertEquals(587, settings.port());
        assertEquals("localhost", settings.hello());
        assertFalse(settings.implicitTls());
        assertFalse(settings.tls().startTls());
    }

    @Test
    void aDisplayNameFromIsAccepted() {
        var settings = EmailSettings.from(Settings.of("CODER_EMAIL_FROM", "Coder <notifications@example.com>"));
        assertEquals("notifications@example.com", settings.from().orElseThrow().getAddress());
        assertEquals("Coder", settings.from().orElseThrow().getPersonal());
    }

    @Test
    void theLegacyNameIsAnAliasAndTheNewNameWins() {
        var legacyOnly =
                EmailSettings.from(Settings.of("CODER_NOTIFICATIONS_EMAIL_SMARTHOST", "relay.example.com:2525"));
        assertEquals("relay.example.com", legacyOnly.host());
        assertEquals(2525, legacyOnly.port());
        var both = EmailSettings.from(Settings.of(
                "CODER_NOTIFICATIONS_EMAIL_SMARTHOST",
                "old.example.com:25",
                "CODER_EMAIL_SMARTHOST",
                "new.example.com:587"));
        assertEquals("new.example.com", both.host());
    }

    @Test
    void port465ImpliesImplicitTls() {
        assertTrue(EmailSettings.from(Settings.of("CODER_EMAIL_SMARTHOST", "smtp.gmail.com:465"))
                .implicitTls());
        assertTrue(
                EmailSettings.from(Settings.of("CODER_EMAIL_FORCE_TLS", "true")).implicitTls());
    }

    @Test
    void thePasswordFileWinsOverThePasswordAndIsNeverPrinted() throws Exception {
        var file = Files.writeString(folder.resolve("password"), "from-file\n");
        var settings = EmailSettings.from(Settings.of(
                "CODER_EMAIL_AUTH_PASSWORD", "from-variable", "CODER_EMAIL_AUTH_PASSWORD_FILE", file.toString()));
        assertEquals(Optional.of("from-file"), settings.authPassword());
        assertFalse(settings.toString().contains("from-file"), settings.toString());
    }

    @Test
    void anUnreadablePasswordFileNamesTheVariable() {
        var error = assertThrows(
                InvalidSettingException.class,
                () -> EmailSettings.from(Settings.of(
                        "CODER_EMAIL_AUTH_PASSWORD_FILE",
                        folder.resolve("missing").toString())));
        assertEquals("CODER_EMAIL_AUTH_PASSWORD_FILE", error.variable());
    }

    @Test
    void aClientCertificateNeedsItsKey() throws Exception {
        var certificate = Files.writeString(folder.resolve("client.crt"), "x");
        var error = assertThrows(
                InvalidSettingException.class,
                () -> EmailSettings.from(Settings.of("CODER_EMAIL_TLS_CERTFILE", certificate.toString())));
        assertEquals("CODER_EMAIL_TLS_CERTKEYFILE", error.variable());
    }

    @ParameterizedTest
    @CsvSource({
        "CODER_EMAIL_FROM, not an address",
        "CODER_EMAIL_SMARTHOST, localhost",
        "CODER_EMAIL_SMARTHOST, localhost:smtp",
        "CODER_EMAIL_SMARTHOST, localhost:70000",
        "CODER_EMAIL_FORCE_TLS, maybe",
        "CODER_EMAIL_TLS_STARTTLS, sometimes",
        "CODER_EMAIL_TLS_CACERTFILE, /nonexistent/ca.pem",
        "CODER_NOTIFICATIONS_EMAIL_TLS_CACERTFILE, /nonexistent/ca.pem"
    })
    void anInvalidValueNamesTheVariable(String variable, String value) {
        var error = assertThrows(InvalidSettingException.class, () -> EmailSettings.from(Settings.of(variable, value)));
        assertEquals(variable.replace("CODER_NOTIFICATIONS_EMAIL_", "CODER_EMAIL_"), error.variable());
        assertTrue(error.getMessage().contains(value), error.getMessage());
    }
}
