package coder.notifications.pages;

import coder.notifications.config.CoderDuration;
import coder.notifications.config.DeploymentSettings;
import coder.notifications.config.EmailSettings;
import coder.notifications.config.InboxSettings;
import coder.notifications.config.NotifierSettings;
import coder.notifications.config.SignInSettings;
import coder.notifications.config.WebhookSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The notification settings in force, as the console's Settings tab lists them: every {@code CODER_*} variable
 * with its effective value (defaults included). Secrets are only ever shown as set or unset.
 */
@ApplicationScoped
public class EffectiveSettings {

    /** One row: the variable, its value as shown, and whether it is a secret. */
    public record Row(String variable, String value, boolean secret) {}

    @Inject
    NotifierSettings notifier;

    @Inject
    EmailSettings email;

    @Inject
    WebhookSettings webhook;

    @Inject
    DeploymentSettings deployment;

    @Inject
    SignInSettings signIn;

    @Inject
    InboxSettings inbox;

    public List<Row> rows() {
        var rows = new ArrayList<Row>();
        shown(rows, "CODER_NOTIFICATIONS_METHOD", notifier.method().name());
        shown(rows, "CODER_NOTIFICATIONS_DISPATCH_TIMEOUT", duration(notifier.dispatchTimeout()));
        shown(rows, "CODER_NOTIFICATIONS_MAX_SEND_ATTEMPTS", Integer.toString(notifier.maxSendAttempts()));
        shown(rows, "CODER_NOTIFICATIONS_RETRY_INTERVAL", duration(notifier.retryInterval()));
        shown(rows, "CODER_NOTIFICATIONS_FETCH_INTERVAL", duration(notifier.fetchInterval()));
        shown(rows, "CODER_NOTIFICATIONS_LEASE_PERIOD", duration(notifier.leasePeriod()));
        shown(rows, "CODER_NOTIFICATIONS_LEASE_COUNT", Integer.toString(notifier.leaseCount()));
        shown(rows, "CODER_NOTIFICATIONS_STORE_SYNC_INTERVAL", duration(notifier.storeSyncInterval()));
        shown(rows, "CODER_NOTIFICATIONS_STORE_SYNC_BUFFER_SIZE", Integer.toString(notifier.storeSyncBufferSize()));
        shown(rows, "CODER_NOTIFICATIONS_INBOX_ENABLED", Boolean.toString(inbox.enabled()));
        shown(rows, "CODER_NOTIFICATIONS_INBOX_RETENTION", duration(inbox.retention()));
        shown(rows, "CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT", webhook.endpointShown());
        rows.add(new Row("CODER_NOTIFICATIONS_WEBHOOK_SECRET", webhook.secrets().isEmpty() ? "unset" : "set", true));
        shown(rows, "CODER_NOTIFICATIONS_PUBLIC_URL", deployment.publicUrl().toString());
        shown(rows, "CODER_ACCESS_URL", deployment.accessUrl().toString());
        shown(rows, "CODER_EMAIL_FROM", email.from().map(Object::toString).orElse("unset"));
        shown(rows, "CODER_EMAIL_SMARTHOST", email.host() + ":" + email.port());
        shown(rows, "CODER_EMAIL_HELLO", email.hello());
        shown(rows, "CODER_EMAIL_AUTH_USERNAME", email.authUsername().orElse("unset"));
        secret(rows, "CODER_EMAIL_AUTH_PASSWORD", email.authPassword());
        shown(rows, "CODER_EMAIL_AUTH_IDENTITY", email.authIdentity().orElse("unset"));
        shown(rows, "CODER_EMAIL_FORCE_TLS", Boolean.toString(email.forceTls()));
        shown(rows, "CODER_EMAIL_TLS_STARTTLS", Boolean.toString(email.tls().startTls()));
        shown(rows, "CODER_EMAIL_TLS_SKIPVERIFY", Boolean.toString(email.tls().skipVerify()));
        shown(rows, "CODER_EMAIL_TLS_SERVERNAME", email.tls().serverName().orElse("unset"));
        shown(rows, "CODER_EMAIL_TLS_CACERTFILE", file(email.tls().caCertFile()));
        shown(rows, "CODER_EMAIL_TLS_CERTFILE", file(email.tls().certFile()));
        shown(rows, "CODER_EMAIL_TLS_CERTKEYFILE", file(email.tls().certKeyFile()));
        shown(
                rows,
                "CODER_OIDC_ISSUER_URL",
                signIn.provider().map(provider -> provider.issuer().toString()).orElse("unset"));
        shown(
                rows,
                "CODER_OIDC_CLIENT_ID",
                signIn.provider().map(SignInSettings.Provider::clientId).orElse("unset"));
        secret(rows, "CODER_OIDC_CLIENT_SECRET", signIn.provider().flatMap(SignInSettings.Provider::clientSecret));
        shown(
                rows,
                "CODER_OIDC_SCOPES",
                signIn.provider()
                        .map(provider -> String.join(",", provider.scopes()))
                        .orElse("unset"));
        shown(
                rows,
                "CODER_OIDC_GROUP_FIELD",
                signIn.provider().map(SignInSettings.Provider::groupField).orElse("unset"));
        shown(rows, "CODER_VERBOSE", Boolean.toString(deployment.verbose()));
        return rows;
    }

    private static void shown(List<Row> rows, String variable, String value) {
        rows.add(new Row(variable, value, false));
    }

    private static void secret(List<Row> rows, String variable, Optional<String> value) {
        rows.add(new Row(variable, value.isPresent() ? "set" : "unset", true));
    }

    private static String file(Optional<Path> path) {
        return path.map(Path::toString).orElse("unset");
    }

    private static String duration(Duration duration) {
        return CoderDuration.format(duration);
    }
}
