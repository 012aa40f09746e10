package coder.notifications.delivery.webhook;

import coder.notifications.config.Method;
import coder.notifications.config.NotifierSettings;
import coder.notifications.config.WebhookSettings;
import coder.notifications.delivery.Deliverer;
import coder.notifications.delivery.DeliveryOutcome;
import coder.notifications.delivery.FailureText;
import coder.notifications.delivery.Notification;
import coder.notifications.delivery.Version;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Posts the webhook document with {@code User-Agent}, {@code X-Message-Id} and, when secrets are set, the Standard
 * Webhooks signature headers (SPEC 7.3). 2xx is delivered; 429, 5xx, timeouts and network faults are retried; a redirect
 * (never followed) and other 4xx are permanent. At most {@value #READ_LIMIT} bytes of an answer are read.
 */
@ApplicationScoped
public class WebhookDeliverer implements Deliverer {

    static final int READ_LIMIT = 512;

    @Inject
    WebhookSettings settings;

    @Inject
    NotifierSettings notifier;

    @Inject
    java.time.Clock clock;

    /** One client for every send: it keeps connections to the endpoint open between sends. */
    private Client client;

    /** The endpoint's target, built once (a JAX-RS target is immutable and may be shared). */
    private WebTarget endpoint;

    @PostConstruct
    void buildClient() {
        var socketTimeout = Deliverer.socketTimeout(notifier.dispatchTimeout()).toMillis();
        client = ClientBuilder.newBuilder()
                .connectTimeout(socketTimeout, TimeUnit.MILLISECONDS)
                .readTimeout(socketTimeout, TimeUnit.MILLISECONDS)
                .property("jersey.config.client.followRedirects", false)
                .property("dev.resteasy.client.follow.redirects", false)
                .build();
        endpoint = settings.endpoint().map(client::target).orElse(null);
        makeEngine(client);
    }

    /**
     * Has the client make its HTTP engine now, before any send. The server's JAX-RS client makes it lazily, at its
     * first request, and sends that start at the same moment each make one: all but one are left unclosed to the
     * garbage collector, which then logs a RESTEASY004687 warning for each (as many as the sends that started with the
     * first: 39 for two batches of 20, 399 for two of 200). The engine is the implementation's (RESTEasy's public
     * {@code ResteasyClient.httpEngine()}), not the JAX-RS API's, hence reflection; a client without that method makes
     * its engine at the first send, as before.
     */
    private static void makeEngine(Client client) {
        try {
            client.getClass().getMethod("httpEngine").invoke(client);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Another JAX-RS implementation: nothing to do ahead of the first send.
        }
    }

    /**
     * Closed as the bean is destroyed, after the notifier has finished the batch in flight (it does that when the
     * application starts to stop, before any bean is destroyed): closing the client aborts the requests still using
     * it, which would turn a delivered message into a failed one.
     */
    @PreDestroy
    void closeClient() {
        client.close();
    }

    @Override
    public Method method() {
        return Method.webhook;
    }

    @Override
    public DeliveryOutcome deliver(Notification notification, Duration timeout) {
        if (endpoint == null) {
            return new DeliveryOutcome.Permanent(
                    "webhook endpoint is not configured: set CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT");
        }
        // The bytes signed are exactly the bytes sent.
        var body = WebhookDocument.of(notification).getBytes(StandardCharsets.UTF_8);
        var id = notification.messageId().toString();
        var request = endpoint.request(MediaType.APPLICATION_JSON_TYPE)
                .header("User-Agent", Version.USER_AGENT)
                .header("X-Message-Id", id);
        if (!settings.secrets().isEmpty()) {
            var timestamp = clock.instant().getEpochSecond();
            request = request.header("webhook-id", id)
                    .header("webhook-timestamp", timestamp)
                    .header("webhook-signature", StandardWebhooks.signature(settings.secrets(), id, timestamp, body));
        }
        try (var response = request.post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
            return outcome(response);
        } catch (ProcessingException e) {
            return new DeliveryOutcome.Retryable("webhook request failed: " + FailureText.of(e));
        }
    }

    private static DeliveryOutcome outcome(Response response) {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            return new DeliveryOutcome.Delivered();
        }
        var reason = "webhook endpoint answered " + status + answerOf(response);
        if (status == 429 || status >= 500) {
            return new DeliveryOutcome.Retryable(reason);
        }
        if (status >= 300 && status < 400) {
            return new DeliveryOutcome.Permanent(reason + " (redirects are not followed; configure the final URL)");
        }
        return new DeliveryOutcome.Permanent(reason);
    }

    private static String answerOf(Response response) {
        if (!response.hasEntity()) {
            return "";
        }
        try (InputStream body = response.readEntity(InputStream.class)) {
            var text = new String(body.readNBytes(READ_LIMIT), StandardCharsets.UTF_8)
                    .strip()
                    .replaceAll("\\s+", " ");
            return text.isEmpty() ? "" : ": " + text;
        } catch (IOException | ProcessingException e) {
            return "";
        }
    }
}
