package coder.notifications.lifecycle;

import coder.notifications.api.Roles;
import coder.notifications.config.DeploymentSettings;
import coder.notifications.config.EmailSettings;
import coder.notifications.config.InboxSettings;
import coder.notifications.config.InvalidSettingException;
import coder.notifications.config.Method;
import coder.notifications.config.NotifierSettings;
import coder.notifications.config.SendLimitSettings;
import coder.notifications.config.SettingsProducer;
import coder.notifications.config.SignInSettings;
import coder.notifications.config.TokenSettings;
import coder.notifications.config.WebhookSettings;
import coder.notifications.database.DatabaseSettings;
import coder.notifications.database.Migrations;
import coder.notifications.database.connection.BuiltInDatabase;
import coder.notifications.delivery.smtp.PemTls;
import coder.notifications.security.EvaluationKeySource;
import coder.notifications.security.EvaluationKeys;
import coder.notifications.security.TokenVerifier;
import coder.notifications.signin.SessionStore;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Start-up in a fixed order: validate every setting, migrate the schema, then announce {@link ServiceReady}. */
@ApplicationScoped
public class ServiceLifecycle {

    private static final Logger LOG = Logger.getLogger(ServiceLifecycle.class.getName());

    /** Observers of the application stopping ({@link ServiceStopping}) run before this priority, while the database is still there. */
    public static final int DATABASE_STOPS = 10_000;

    @Inject
    Event<ServiceReady> ready;

    @Inject
    SessionStore sessions;

    @Inject
    Clock clock;

    @Resource(lookup = "jdbc/notifications")
    DataSource database;

    volatile boolean started;

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext application) {
        try {
            LogFolder.protect();
            validateSettings();
            prepareAuthentication();
            Migrations.migrate(database, application);
            offerSignInLink();
        } catch (InvalidSettingException e) {
            throw FatalStartup.stop("invalid configuration: " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw FatalStartup.stop("cannot start: " + FatalStartup.describe(e), e);
        }
        started = true;
        ready.fire(new ServiceReady());
        // The one address line of the start-up log: the server's own (CWWKT0016I) name the host's first interface,
        // which is rarely where people reach the service.
        var publicUrl = DeploymentSettings.from(SettingsProducer.source()).publicUrl();
        LOG.info("notifications: service ready at " + publicUrl + " (API " + publicUrl + "/api/v2, pages " + publicUrl
                + "/settings/notifications, health /health, metrics /metrics, OpenAPI /openapi)");
    }

    /** Stops the built-in database, if this process runs one (the class comes from the server's database library). */
    void stop(@Observes @Priority(DATABASE_STOPS) ServiceStopping stopping) {
        BuiltInDatabase.stop();
    }

    /** Whether start-up completed: settings valid and schema current. */
    public boolean started() {
        return started;
    }

    /** Without a configured verification key the service is not open: it runs in evaluation mode. */
    private void prepareAuthentication() {
        if (EvaluationKeySource.evaluationMode()) {
            var cache = DatabaseSettings.from(SettingsProducer.source()).cacheDirectory();
            var tokens = EvaluationKeys.prepare(cache, clock);
            LOG.warning("notifications: no JWT verification key is configured (MP_JWT_VERIFY_PUBLICKEY or"
                    + " MP_JWT_VERIFY_PUBLICKEY_LOCATION): evaluation mode, for trying the service only. Ready-made"
                    + " owner and notifier tokens are in " + tokens);
        }
        var settings = TokenSettings.from(SettingsProducer.source());
        try {
            TokenVerifier.of(settings);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(
                    e.getMessage().substring(0, e.getMessage().indexOf(':')),
                    e.getMessage().substring(e.getMessage().indexOf(':') + 2));
        }
        if (!EvaluationKeySource.evaluationMode() && settings.issuer().isEmpty()) {
            LOG.warning(
                    "notifications: MP_JWT_VERIFY_ISSUER is not set: tokens of any issuer signed by the configured key are"
                            + " accepted. Set it to the iss claim of your identity provider's tokens.");
        }
        LOG.info("notifications: bearer tokens are verified with " + settings);
    }

    /**
     * Evaluation mode: a one-time link that signs the evaluation owner in to the pages, in the log and in
     * {@code tokens.env} as {@code OWNER_SIGN_IN_URL}. A new one at every start; each works once, for a day.
     */
    private void offerSignInLink() {
        if (!EvaluationKeySource.evaluationMode()) {
            return;
        }
        var source = SettingsProducer.source();
        var token = sessions.signInLink(EvaluationKeys.OWNER, List.of(Roles.OWNER), Duration.ofDays(1));
        var url = DeploymentSettings.from(source).page("/sign-in/link?token=" + token);
        EvaluationKeys.addSignInUrl(DatabaseSettings.from(source).cacheDirectory(), url);
        LOG.warning("notifications: evaluation mode: sign in to the pages as the evaluation owner, once, with " + url);
    }

    private static void validateSettings() {
        var source = SettingsProducer.source();
        var deployment = DeploymentSettings.from(source);
        var notifier = NotifierSettings.from(source);
        var email = EmailSettings.from(source);
        var webhook = WebhookSettings.from(source);
        var database = DatabaseSettings.from(source);
        var signIn = SignInSettings.from(source);
        var inbox = InboxSettings.from(source);
        SendLimitSettings.from(source);
        PemTls.check(email.tls());
        LOG.info("notifications: settings: " + deployment + " " + notifier + " " + webhook + " " + email + " "
                + database + " " + signIn + " " + inbox);
        if (notifier.method() == Method.smtp && email.from().isEmpty()) {
            LOG.warning(
                    "notifications: email is the default delivery method but CODER_EMAIL_FROM is not set: emails will"
                            + " fail permanently until it is (or set CODER_NOTIFICATIONS_METHOD=webhook)");
        }
        if (notifier.method() == Method.webhook && webhook.endpoint().isEmpty()) {
            LOG.warning("notifications: webhook is the default delivery method but CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT"
                    + " is not set: webhooks will fail permanently until it is");
        }
    }
}
