package coder.notifications.config;

import java.net.URI;

/**
 * Settings of the deployment as a whole: where users reach Coder ({@code CODER_ACCESS_URL}, the base of action
 * links), where they reach this service's own pages ({@code CODER_NOTIFICATIONS_PUBLIC_URL}, the base of the
 * preference and unsubscribe links; the access URL unless set), the HTTP port, verbose logs.
 */
public record DeploymentSettings(URI accessUrl, URI publicUrl, int httpPort, boolean verbose) {

    private static final String ACCESS_URL = "coder.access.url";
    private static final String PUBLIC_URL = "coder.notifications.public.url";

    public static DeploymentSettings from(SettingSource source) {
        var port = port(source);
        // Unset, the links follow the port the service listens on, so changing CODER_HTTP_PORT alone keeps them
        // working.
        var accessUrl = url(ACCESS_URL, source.text(ACCESS_URL).orElse("http://localhost:" + port));
        return new DeploymentSettings(
                accessUrl,
                source.text(PUBLIC_URL).map(value -> url(PUBLIC_URL, value)).orElse(accessUrl),
                port,
                source.bool("coder.verbose", "coder.verbose", false));
    }

    /** The address of one of this service's pages, such as {@code /settings/notifications}. */
    /** The preference center's path: every message links to it. */
    public static final String PREFERENCES_PAGE = "/settings/notifications";

    public String page(String path) {
        return publicUrl + path;
    }

    /** Whether people reach the pages over https: session cookies are then marked Secure. */
    public boolean publicUrlIsHttps() {
        return "https".equalsIgnoreCase(publicUrl.getScheme());
    }

    private static int port(SettingSource source) {
        int port = source.integer("coder.http.port", 3000, 1);
        if (port > 65535) {
            throw SettingSource.invalid("coder.http.port", Integer.toString(port), "must be a port from 1 to 65535");
        }
        return port;
    }

    /** Links are built on these URLs, so they must be absolute; a trailing slash is dropped. */
    private static URI url(String property, String value) {
        return SettingSource.httpUrl(property, value.replaceAll("/+$", ""));
    }
}
