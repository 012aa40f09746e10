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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The notification settings in force, as the console's Settings tab lists them: every {@code CODER_*} variable
 * with its effective value (defaults included). Secrets are only ever shown as set or unset.
 */
@ApplicationScoped
public class EffectiveSettings {

    /** One row: its group, the variable, its value as shown ({@link #NOT_SET} when unset), secret or not, a line of help. */
    public record Row(String group, String variable, String value, boolean secret, String help) {

        public boolean notSet() {
            return NOT_SET.equals(value);
        }
    }

    /** A group of rows under its heading. */
    public record Group(String name, List<Row> rows) {}

    static final String NOT_SET = "not set";

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

    /** The rows by group, in the order an operator reads them: delivery first, then each way out, then the rest. */
    public List<Group> groups() {
        var byGroup = new LinkedHashMap<String, List<Row>>();
        rows().forEach(row ->
                byGroup.computeIfAbsent(row.group(), name -> new ArrayList<>()).add(row));
        return byGroup.entrySet().stream()
                .map(entry -> new Group(entry.getKey(), entry.getValue()))
                .toList();
    }

    public List<Row> rows() {
        var rows = new ArrayList<Row>();
        var delivery = "Delivery";
        shown(
                rows,
                delivery,
                "CODER_NOTIFICATIONS_METHOD",
                notifier.method().name(),
                "How templates without a method of their own are delivered: smtp or webhook.");
        shown(
                rows,
                delivery,
                "CODER_NOTIFICATIONS_DISPATCH_TIMEOUT",
                duration(notifier.dispatchTimeout()),
                "How long one send may take before it counts as failed and is tried again.");
        shown(
                rows,
                delivery,
                "CODER_NOTIFICATIONS_MAX_SEND_ATTEMPTS",
                Integer.toString(notifier.maxSendAttempts()),
                "Sends of one message before it fails for good.");
        shown(
                rows,
                delivery,
                "CODER_NOTIFICATIONS_RETRY_INTERVAL",
                duration(notifier.retryInterval()),
                "The wait before a failed send is tried again.");
        shown(
                rows,
                delivery,
                "CODER_NOTIFICATIONS_FETCH_INTERVAL",
                duration(notifier.fetchInterval()),
                "How often each replica looks for messages at the latest (new events wake it at once).");
        shown(
                rows,
                delivery,
                "CODER_NOTIFICATIONS_LEASE_PERIOD",
                duration(notifier.leasePeriod()),
                "How long a replica holds the messages it took before another may take them.");
        shown(
                rows,
                delivery,
                "CODER_NOTIFICATIONS_LEASE_COUNT",
                Integer.toString(notifier.leaseCount()),
                "Messages a replica takes at once.");
        shown(
                rows,
                delivery,
                "CODER_NOTIFICATIONS_STORE_SYNC_INTERVAL",
                duration(notifier.storeSyncInterval()),
                "How often results are written at the latest.");
        shown(
                rows,
                delivery,
                "CODER_NOTIFICATIONS_STORE_SYNC_BUFFER_SIZE",
                Integer.toString(notifier.storeSyncBufferSize()),
                "Results that are written together.");
        var inboxGroup = "Inbox";
        shown(
                rows,
                inboxGroup,
                "CODER_NOTIFICATIONS_INBOX_ENABLED",
                Boolean.toString(inbox.enabled()),
                "Whether every notification also goes to the recipient's inbox behind the bell.");
        shown(
                rows,
                inboxGroup,
                "CODER_NOTIFICATIONS_INBOX_RETENTION",
                duration(inbox.retention()),
                "How long inbox items are kept.");
        var webhookGroup = "Webhook";
        shown(
                rows,
                webhookGroup,
                "CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT",
                webhook.endpoint().isPresent() ? webhook.endpointShown() : NOT_SET,
                "Where webhooks are posted (scheme, host and port shown; the path may hold a secret).");
        secret(
                rows,
                webhookGroup,
                "CODER_NOTIFICATIONS_WEBHOOK_SECRET",
                webhook.secrets().isEmpty() ? Optional.empty() : Optional.of("set"),
                "Signs each webhook (Standard Webhooks); two, space-separated, during a rotation.");
        var emailGroup = "Email";
        shown(
                rows,
                emailGroup,
                "CODER_EMAIL_FROM",
                email.from().map(Object::toString).orElse(NOT_SET),
                "The sender of every email; without it email cannot be delivered.");
        shown(
                rows,
                emailGroup,
                "CODER_EMAIL_SMARTHOST",
                email.host() + ":" + email.port(),
                "The mail relay, host:port.");
        shown(rows, emailGroup, "CODER_EMAIL_HELLO", email.hello(), "The name this service gives the relay (EHLO).");
        shown(
                rows,
                emailGroup,
                "CODER_EMAIL_AUTH_USERNAME",
                email.authUsername().orElse(NOT_SET),
                "The relay account, if it asks for one.");
        secret(rows, emailGroup, "CODER_EMAIL_AUTH_PASSWORD", email.authPassword(), "The relay account's password.");
        shown(
                rows,
                emailGroup,
                "CODER_EMAIL_AUTH_IDENTITY",
                email.authIdentity().orElse(NOT_SET),
                "The identity of PLAIN authentication, rarely needed.");
        shown(
                rows,
                emailGroup,
                "CODER_EMAIL_FORCE_TLS",
                Boolean.toString(email.forceTls()),
                "TLS from the first byte (implied by port 465).");
        shown(
                rows,
                emailGroup,
                "CODER_EMAIL_TLS_STARTTLS",
                Boolean.toString(email.tls().startTls()),
                "Insist on STARTTLS.");
        shown(
                rows,
                emailGroup,
                "CODER_EMAIL_TLS_SKIPVERIFY",
                Boolean.toString(email.tls().skipVerify()),
                "Accept any relay certificate (tests only).");
        shown(
                rows,
                emailGroup,
                "CODER_EMAIL_TLS_SERVERNAME",
                email.tls().serverName().orElse(NOT_SET),
                "The name checked in the relay's certificate, when not its host.");
        shown(
                rows,
                emailGroup,
                "CODER_EMAIL_TLS_CACERTFILE",
                file(email.tls().caCertFile()),
                "Certificate authorities trusted for the relay.");
        shown(
                rows,
                emailGroup,
                "CODER_EMAIL_TLS_CERTFILE",
                file(email.tls().certFile()),
                "A client certificate for the relay.");
        shown(
                rows,
                emailGroup,
                "CODER_EMAIL_TLS_CERTKEYFILE",
                file(email.tls().certKeyFile()),
                "The client certificate's key.");
        var signInGroup = "Sign-in";
        var provider = signIn.provider();
        shown(
                rows,
                signInGroup,
                "CODER_OIDC_ISSUER_URL",
                provider.map(p -> p.issuer().toString()).orElse(NOT_SET),
                "The OpenID Connect provider people sign in with; without it only sign-in links work.");
        shown(
                rows,
                signInGroup,
                "CODER_OIDC_CLIENT_ID",
                provider.map(SignInSettings.Provider::clientId).orElse(NOT_SET),
                "This service's client at the provider.");
        secret(
                rows,
                signInGroup,
                "CODER_OIDC_CLIENT_SECRET",
                provider.flatMap(SignInSettings.Provider::clientSecret),
                "The client's secret.");
        // Defaults are shown as the values they are, also before a provider is configured.
        shown(
                rows,
                signInGroup,
                "CODER_OIDC_SCOPES",
                provider.map(p -> String.join(",", p.scopes())).orElse(SignInSettings.DEFAULT_SCOPES),
                "Scopes asked of the provider.");
        shown(
                rows,
                signInGroup,
                "CODER_OIDC_GROUP_FIELD",
                provider.map(SignInSettings.Provider::groupField).orElse(SignInSettings.DEFAULT_GROUP_FIELD),
                "The claim that carries a person's roles.");
        var deploymentGroup = "Deployment";
        shown(
                rows,
                deploymentGroup,
                "CODER_NOTIFICATIONS_PUBLIC_URL",
                deployment.publicUrl().toString(),
                "Where people reach these pages; links in notifications point here.");
        shown(
                rows,
                deploymentGroup,
                "CODER_ACCESS_URL",
                deployment.accessUrl().toString(),
                "Coder's address, for links to workspaces and templates.");
        shown(
                rows,
                deploymentGroup,
                "CODER_VERBOSE",
                Boolean.toString(deployment.verbose()),
                "Log every message's lease and result.");
        return rows;
    }

    private static void shown(List<Row> rows, String group, String variable, String value, String help) {
        rows.add(new Row(group, variable, value, false, help));
    }

    private static void secret(List<Row> rows, String group, String variable, Optional<String> value, String help) {
        rows.add(new Row(group, variable, value.isPresent() ? "set" : NOT_SET, true, help));
    }

    private static String file(Optional<Path> path) {
        return path.map(Path::toString).orElse(NOT_SET);
    }

    private static String duration(Duration duration) {
        return CoderDuration.format(duration);
    }
}
