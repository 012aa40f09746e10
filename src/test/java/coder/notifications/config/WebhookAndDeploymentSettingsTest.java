package coder.notifications.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookAndDeploymentSettingsTest {

    @Test
    void theWebhookEndpointIsOptional() {
        assertEquals(Optional.empty(), WebhookSettings.from(Settings.of()).endpoint());
        assertEquals(
                Optional.of(URI.create("https://hooks.example.com/coder")),
                WebhookSettings.from(
                                Settings.of("CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT", "https://hooks.example.com/coder"))
                        .endpoint());
    }

    @Test
    void theWebhookEndpointIsPrintedWithoutItsToken() {
        var settings = WebhookSettings.from(Settings.of(
                "CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT", "https://user:secret@hooks.example.com/coder?token=secret"));
        assertFalse(settings.toString().contains("secret"), settings.toString());
    }

    @Test
    void theWebhookEndpointIsShownAsSchemeHostAndPortOnly() {
        var slack = WebhookSettings.from(Settings.of(
                "CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT", "https://hooks.slack.com/services/T000/B000/XXXXSECRET"));
        assertEquals("https://hooks.slack.com", slack.endpointShown());
        assertFalse(slack.toString().contains("XXXXSECRET"), slack.toString());
        var local =
                WebhookSettings.from(Settings.of("CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT", "http://127.0.0.1:8080/hook"));
        assertEquals("http://127.0.0.1:8080", local.endpointShown());
    }

    @Test
    void deploymentDefaults() {
        var settings = DeploymentSettings.from(Settings.of());
        assertEquals(URI.create("http://localhost:3000"), settings.accessUrl());
        assertEquals(3000, settings.httpPort());
        assertFalse(settings.verbose());
    }

    @Test
    void unsetUrlsFollowThePort() {
        var settings = DeploymentSettings.from(Settings.of("CODER_HTTP_PORT", "14300"));
        assertEquals(URI.create("http://localhost:14300"), settings.accessUrl());
        assertEquals(URI.create("http://localhost:14300"), settings.publicUrl());
        assertEquals("http://localhost:14300/sign-in/link?token=x", settings.page("/sign-in/link?token=x"));
        var set = DeploymentSettings.from(
                Settings.of("CODER_HTTP_PORT", "14300", "CODER_ACCESS_URL", "https://coder.example.com"));
        assertEquals(URI.create("https://coder.example.com"), set.publicUrl(), "a URL that is set stays as set");
    }

    @Test
    void theAccessUrlLosesItsTrailingSlash() {
        assertEquals(
                URI.create("https://coder.example.com"),
                DeploymentSettings.from(Settings.of("CODER_ACCESS_URL", "https://coder.example.com/"))
                        .accessUrl());
    }

    @ParameterizedTest
    @CsvSource({
        "CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT, not a url",
        "CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT, ftp://example.com/hook",
        "CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT, http://",
        "CODER_ACCESS_URL, coder.example.com",
        "CODER_HTTP_PORT, 0",
        "CODER_HTTP_PORT, 65536",
        "CODER_HTTP_PORT, http",
        "CODER_VERBOSE, loud"
    })
    void anInvalidValueNamesTheVariable(String variable, String value) {
        var error = assertThrows(InvalidSettingException.class, () -> {
            WebhookSettings.from(Settings.of(variable, value));
            DeploymentSettings.from(Settings.of(variable, value));
        });
        assertEquals(variable, error.variable());
        assertTrue(error.getMessage().contains(value), error.getMessage());
    }

    @Test
    void webhookSecretsAreReadForRotationAndNeverShown() {
        var settings = WebhookSettings.from(Settings.of(
                "CODER_NOTIFICATIONS_WEBHOOK_SECRET",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw  whsec_dGhlIG5leHQgc2VjcmV0LCAzMiBieXRlcyBsb25nISE="));
        assertEquals(2, settings.secrets().size());
        assertFalse(settings.toString().contains("MfKQ9r8"), settings.toString());
    }

    @Test
    void aMalformedWebhookSecretIsNamedWithoutItsValue() {
        for (var value : new String[] {"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not*base64", "whsec_c2hvcnQ="}) {
            var error = assertThrows(
                    InvalidSettingException.class,
                    () -> WebhookSettings.from(Settings.of("CODER_NOTIFICATIONS_WEBHOOK_SECRET", value)));
            assertEquals("CODER_NOTIFICATIONS_WEBHOOK_SECRET", error.variable());
            assertFalse(error.getMessage().contains(value.substring(6)), error.getMessage());
        }
    }
}
