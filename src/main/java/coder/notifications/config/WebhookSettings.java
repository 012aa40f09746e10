package coder.notifications.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Where webhook messages are posted ({@code CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT}). */
public record WebhookSettings(Optional<URI> endpoint) {

    private static final String ENDPOINT = "coder.notifications.webhook-endpoint";

    public static WebhookSettings from(SettingSource source) {
        return new WebhookSettings(source.text(ENDPOINT).map(WebhookSettings::httpUrl));
    }

    /** The endpoint without user information or query, which may carry a token. */
    @Override
    public String toString() {
        return "WebhookSettings[endpoint=" + endpoint.map(uri -> uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath()).orElse("unset") + "]";
    }

    private static URI httpUrl(String value) {
        try {
            var uri = new URI(value);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw SettingSource.invalid(ENDPOINT, value, "expected an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw SettingSource.invalid(ENDPOINT, value, "not a URL: " + e.getReason());
        }
    }
}
