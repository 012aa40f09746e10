package coder.notifications.config;

import java.net.URI;

/** Settings of the deployment as a whole: where users reach Coder, the HTTP port, verbose logs. */
public record DeploymentSettings(URI accessUrl, int httpPort, boolean verbose) {

    private static final String ACCESS_URL = "coder.access.url";

    public static DeploymentSettings from(SettingSource source) {
        return new DeploymentSettings(
                accessUrl(source.text(ACCESS_URL).orElse("http://localhost:3000")),
                port(source),
                source.bool("coder.verbose", "coder.verbose", false));
    }

    private static int port(SettingSource source) {
        int port = source.integer("coder.http.port", 3000, 1);
        if (port > 65535) {
            throw SettingSource.invalid("coder.http.port", Integer.toString(port), "must be a port from 1 to 65535");
        }
        return port;
    }

    /** Action links are built on the access URL, so it must be absolute; a trailing slash is dropped. */
    private static URI accessUrl(String value) {
        return SettingSource.httpUrl(ACCESS_URL, value.replaceAll("/+$", ""));
    }
}
