package coder.notifications.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, from {@code version.properties} (filled in by the build), and the User-Agent it sends. */
public final class Version {

    public static final String NUMBER = read();
    public static final String USER_AGENT = "coder-notifications/" + NUMBER;

    private Version() {}

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/version.properties")) {
            var properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
