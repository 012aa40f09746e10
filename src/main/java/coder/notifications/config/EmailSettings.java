package coder.notifications.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How email leaves the service ({@code CODER_EMAIL_*}; the older {@code CODER_NOTIFICATIONS_EMAIL_*} names are
 * aliases, and the new name wins). The password is a secret: it is never part of a message or a log line.
 */
public record EmailSettings(
        Optional<InternetAddress> from,
        String host,
        int port,
        String hello,
        Optional<String> authUsername,
        Optional<String> authPassword,
        Optional<String> authIdentity,
        boolean forceTls,
        Tls tls) {

    /** TLS options of the SMTP connection. */
    public record Tls(
            boolean startTls,
            boolean skipVerify,
            Optional<String> serverName,
            Optional<Path> certFile,
            Optional<Path> certKeyFile,
            Optional<Path> caCertFile) {}

    public static EmailSettings from(SettingSource source) {
        var smarthost = read(source, "smarthost").orElse("localhost:587");
        var port = port(smarthost);
        return new EmailSettings(
                read(source, "from").map(EmailSettings::address),
                smarthost.substring(0, smarthost.lastIndexOf(':')),
                port,
                read(source, "hello").orElse("localhost"),
                read(source, "auth.username"),
                password(source),
                read(source, "auth.identity"),
                port == 465 || source.bool(property("force-tls"), alias("force-tls"), false),
                tls(source));
    }

    /** Implicit TLS from the first byte: asked for, or implied by the submissions port 465. */
    public boolean implicitTls() {
        return forceTls;
    }

    @Override
    public String toString() {
        return "EmailSettings[from=" + from + ", smarthost=" + host + ":" + port + ", hello=" + hello
                + ", authUsername=" + authUsername + ", authPassword=" + authPassword.map(secret -> "(set)")
                + ", forceTls=" + forceTls + ", tls=" + tls + "]";
    }

    /** The environment variable of an email setting, as error messages name it: {@code tls.cacertfile} is CODER_EMAIL_TLS_CACERTFILE. */
    public static String variable(String key) {
        return SettingSource.variableOf(property(key));
    }

    private static Tls tls(SettingSource source) {
        var tls = new Tls(
                source.bool(property("tls.starttls"), alias("tls.starttls"), false),
                source.bool(property("tls.skipverify"), alias("tls.skipverify"), false),
                read(source, "tls.servername"),
                source.readableFile(property("tls.certfile"), alias("tls.certfile")),
                source.readableFile(property("tls.certkeyfile"), alias("tls.certkeyfile")),
                source.readableFile(property("tls.cacertfile"), alias("tls.cacertfile")));
        if (tls.certFile.isPresent() != tls.certKeyFile.isPresent()) {
            var missing = tls.certFile.isPresent() ? "tls.certkeyfile" : "tls.certfile";
            throw new InvalidSettingException(
                    SettingSource.variableOf(property(missing)),
                    "must be set together with "
                            + SettingSource.variableOf(
                                    property(missing.equals("tls.certfile") ? "tls.certkeyfile" : "tls.certfile"))
                            + " to present a client certificate");
        }
        return tls;
    }

    /** The password file wins over the password; its content is trimmed of the trailing newline editors add. */
    private static Optional<String> password(SettingSource source) {
        var file = source.readableFile(property("auth.password-file"), alias("auth.password-file"));
        if (file.isPresent()) {
            try {
                return Optional.of(java.nio.file.Files.readString(file.get()).strip());
            } catch (java.io.IOException e) {
                throw new InvalidSettingException(
                        SettingSource.variableOf(property("auth.password-file")),
                        "cannot read \"" + file.get() + "\": " + e.getMessage());
            }
        }
        return source.text(property("auth.password"), alias("auth.password"));
    }

    private static int port(String smarthost) {
        int colon = smarthost.lastIndexOf(':');
        if (colon <= 0 || colon == smarthost.length() - 1) {
            throw SettingSource.invalid(
                    property("smarthost"), smarthost, "expected host:port, such as smtp.example.com:587");
        }
        try {
            int port = Integer.parseInt(smarthost.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw SettingSource.invalid(property("smarthost"), smarthost, "the port must be a number from 1 to 65535");
        }
    }

    private static InternetAddress address(String value) {
        try {
            var address = new InternetAddress(value, true);
            if (address.getAddress() == null || !address.getAddress().contains("@")) {
                throw new AddressException("missing @");
            }
            return address;
        } catch (AddressException e) {
            throw SettingSource.invalid(
                    property("from"),
                    value,
                    "expected an email address such as notifications@example.com or Name <notifications@example.com>");
        }
    }

    private static Optional<String> read(SettingSource source, String name) {
        return source.text(property(name), alias(name));
    }

    private static String property(String name) {
        return "coder.email." + name;
    }

    private static String alias(String name) {
        return "coder.notifications.email." + name;
    }
}
