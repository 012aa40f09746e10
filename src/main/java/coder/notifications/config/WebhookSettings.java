package coder.notifications.config;

import java.net.URI;
import java.util.Optional;

/** Where webhook messages are posted ({@code CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT}). */
public record WebhookSettings(Optional<URI> endpoint) {

    private static final String ENDPOINT = "coder.notifications.webhook-endpoint";

    public static WebhookSettings from(SettingSource source) {
        return new WebhookSettings(source.text(ENDPOINT).map(value -> SettingSource.httpUrl(ENDPOINT, value)));
    }

    /** The endpoint without user information or query, which may carry a token. */
    @Override
    public String toString() {
        return "WebhookSettings[endpoint=" + endpoint.map(uri -> uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath()).orElse("unset") + "]";
    }

}
