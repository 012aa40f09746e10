package coder.notifications.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Where webhook messages are posted ({@code CODER_NOTIFICATIONS_WEBHOOK_ENDPOINT}) and the Standard Webhooks
 * secrets they are signed with ({@code CODER_NOTIFICATIONS_WEBHOOK_SECRET}: {@code whsec_<base64 key>}, several
 * separated by spaces while a secret is rotated). Unsigned when no secret is set.
 */
public record WebhookSettings(Optional<URI> endpoint, List<byte[]> secrets) {

    private static final String ENDPOINT = "coder.notifications.webhook-endpoint";
    private static final String SECRET = "coder.notifications.webhook-secret";

    public static WebhookSettings from(SettingSource source) {
        return new WebhookSettings(
                source.text(ENDPOINT).map(value -> SettingSource.httpUrl(ENDPOINT, value)), secrets(source));
    }

    private static List<byte[]> secrets(SettingSource source) {
        var keys = new ArrayList<byte[]>();
        for (var secret : source.text(SECRET).map(value -> value.split("\\s+")).orElse(new String[0])) {
            // The value is a secret: the message names the problem, never the value.
            if (!secret.startsWith("whsec_")) {
                throw new InvalidSettingException(
                        SettingSource.variableOf(SECRET), "each secret must have the form whsec_<base64 key>");
            }
            try {
                var key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
                if (key.length < 16) {
                    throw new IllegalArgumentException("short");
                }
                keys.add(key);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(
                        SettingSource.variableOf(SECRET),
                        "each secret must be whsec_ followed by the base64 of a key of at least 16 bytes");
            }
        }
        return List.copyOf(keys);
    }

    /**
     * The endpoint as scheme, host and port only: Slack- and Discord-style URLs keep their secret in the path, and
     * others in the user information or query.
     */
    public String endpointShown() {
        return endpoint.map(
                        uri -> uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()))
                .orElse("unset");
    }

    /** Secrets only counted. */
    @Override
    public String toString() {
        return "WebhookSettings[endpoint=" + endpointShown() + ", signed="
                + (secrets.isEmpty() ? "no" : "with " + secrets.size() + " key(s)") + "]";
    }
}
