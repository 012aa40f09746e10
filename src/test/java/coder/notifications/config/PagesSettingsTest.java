package coder.notifications.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings of the pages: where people reach them, and sign-in with OpenID Connect. */
class PagesSettingsTest {

    @Test
    void thePublicUrlIsTheAccessUrlUnlessSet() {
        assertEquals(
                URI.create("https://coder.example.com"),
                DeploymentSettings.from(Settings.of("CODER_ACCESS_URL", "https://coder.example.com/"))
                        .publicUrl());
        var own = DeploymentSettings.from(Settings.of(
                "CODER_ACCESS_URL",
                "https://coder.example.com",
                "CODER_NOTIFICATIONS_PUBLIC_URL",
                "https://notifications.example.com/"));
        assertEquals("https://notifications.example.com/settings/notifications", own.page("/settings/notifications"));
        assertTrue(own.publicUrlIsHttps());
    }

    @Test
    void aBadPublicUrlNamesItsVariable() {
        var error = assertThrows(
                InvalidSettingException.class,
                () -> DeploymentSettings.from(
                        Settings.of("CODER_NOTIFICATIONS_PUBLIC_URL", "notifications.example.com")));
        assertEquals("CODER_NOTIFICATIONS_PUBLIC_URL", error.variable());
    }

    @Test
    void signInIsOffUntilConfigured() {
        assertEquals(Optional.empty(), SignInSettings.from(Settings.of()).provider());
    }

    @Test
    void signInReadsTheProviderWithCodersDefaults() {
        var provider = SignInSettings.from(Settings.of(
                        "CODER_OIDC_ISSUER_URL",
                        "https://login.example.com/realms/main/",
                        "CODER_OIDC_CLIENT_ID",
                        "notifications",
                        "CODER_OIDC_CLIENT_SECRET",
                        "s3cret"))
                .provider()
                .orElseThrow();
        assertEquals(URI.create("https://login.example.com/realms/main"), provider.issuer());
        assertEquals(List.of("openid", "profile", "email"), provider.scopes());
        assertEquals("groups", provider.groupField());
        assertFalse(provider.toString().contains("s3cret"), provider.toString());
    }

    @Test
    void anIssuerWithoutClientOrAClientWithoutIssuerStopsStartUp() {
        assertEquals(
                "CODER_OIDC_CLIENT_ID",
                assertThrows(
                                InvalidSettingException.class,
                                () -> SignInSettings.from(
                                        Settings.of("CODER_OIDC_ISSUER_URL", "https://login.example.com")))
                        .variable());
        assertEquals(
                "CODER_OIDC_ISSUER_URL",
                assertThrows(
                                InvalidSettingException.class,
                                () -> SignInSettings.from(Settings.of("CODER_OIDC_CLIENT_ID", "notifications")))
                        .variable());
    }

    @Test
    void aPlainHttpProviderIsAcceptedOnlyOnThisMachine() {
        assertEquals(
                "CODER_OIDC_ISSUER_URL",
                assertThrows(
                                InvalidSettingException.class,
                                () -> SignInSettings.from(Settings.of(
                                        "CODER_OIDC_ISSUER_URL",
                                        "http://login.example.com",
                                        "CODER_OIDC_CLIENT_ID",
                                        "c")))
                        .variable());
        assertTrue(SignInSettings.from(Settings.of(
                        "CODER_OIDC_ISSUER_URL", "http://127.0.0.1:8080/default", "CODER_OIDC_CLIENT_ID", "c"))
                .provider()
                .isPresent());
    }

    @Test
    void scopesMustIncludeOpenid() {
        assertEquals(
                "CODER_OIDC_SCOPES",
                assertThrows(
                                InvalidSettingException.class,
                                () -> SignInSettings.from(Settings.of(
                                        "CODER_OIDC_ISSUER_URL",
                                        "https://login.example.com",
                                        "CODER_OIDC_CLIENT_ID",
                                        "c",
                                        "CODER_OIDC_SCOPES",
                                        "profile,email")))
                        .variable());
    }
}
