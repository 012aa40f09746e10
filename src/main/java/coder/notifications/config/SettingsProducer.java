package coder.notifications.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Binds the settings records to MicroProfile Config; each is built, and so validated, once. */
@ApplicationScoped
public class SettingsProducer {

    /** Settings as MicroProfile Config sees them: environment, system properties, server variables. */
    public static SettingSource source() {
        var config = ConfigProvider.getConfig(SettingsProducer.class.getClassLoader());
        return new SettingSource(property -> config.getOptionalValue(property, String.class));
    }

    /** The clock every time-dependent decision reads, so tests can pin it. */
    @Produces
    @Singleton
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    @Produces
    @Singleton
    NotifierSettings notifier() {
        return NotifierSettings.from(source());
    }

    @Produces
    @Singleton
    EmailSettings email() {
        return EmailSettings.from(source());
    }

    @Produces
    @Singleton
    WebhookSettings webhook() {
        return WebhookSettings.from(source());
    }

    @Produces
    @Singleton
    DeploymentSettings deployment() {
        return DeploymentSettings.from(source());
    }

    @Produces
    @Singleton
    SendLimitSettings sendLimit() {
        return SendLimitSettings.from(source());
    }

    @Produces
    @Singleton
    TokenSettings tokens() {
        return TokenSettings.from(source());
    }

    @Produces
    @Singleton
    InboxSettings inbox() {
        return InboxSettings.from(source());
    }

    @Produces
    @Singleton
    SignInSettings signIn() {
        return SignInSettings.from(source());
    }
}
