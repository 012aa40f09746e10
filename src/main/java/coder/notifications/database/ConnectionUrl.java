package coder.notifications.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A PostgreSQL connection as the JDBC driver wants it, from either Coder's URL form
 * ({@code postgres://user:password@host:port/db?sslmode=disable}) or a {@code jdbc:postgresql://} URL.
 * This is the one place where Coder's form is translated. {@link #toString()} never shows the password.
 * It depends on the JDK only: it is part of both the WAR (to validate) and the database library (to connect).
 */
public record ConnectionUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    /** libpq parameter names that PgJDBC spells differently. */
    private static final Map<String, String> JDBC_NAMES = Map.of(
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName");

    public static ConnectionUrl parse(String url) {
        var text = url.strip();
        if (text.startsWith("jdbc:postgresql:")) {
            return fromJdbc(text);
        }
        if (text.startsWith("postgres://") || text.startsWith("postgresql://")) {
            return fromCoder(text);
        }
        throw new IllegalArgumentException("expected postgres://user:password@host:port/database?sslmode=disable"
                + " or jdbc:postgresql://host:port/database, got \"" + redact(text) + "\"");
    }

    private static ConnectionUrl fromJdbc(String url) {
        if (!url.matches("jdbc:postgresql://[^/?#]+(/[^?#]*)?([?].*)?")) {
            throw new IllegalArgumentException(
                    "expected jdbc:postgresql://host:port/database, got \"" + redact(url) + "\"");
        }
        return new ConnectionUrl(url, Optional.empty(), Optional.empty());
    }

    private static ConnectionUrl fromCoder(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: \"" + redact(url) + "\" (" + e.getReason()
                    + "; characters such as @ : / in the password must be percent-encoded)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URL names no host: \"" + redact(url) + "\"");
        }
        var database = uri.getRawPath() == null || uri.getRawPath().length() <= 1
                ? "postgres"
                : uri.getRawPath().substring(1);
        var jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/"
                + database + query(uri.getRawQuery());
        var userInfo = Optional.ofNullable(uri.getRawUserInfo());
        return new ConnectionUrl(
                jdbc,
                userInfo.map(info -> decode(info.split(":", 2)[0])),
                userInfo.filter(info -> info.contains(":")).map(info -> decode(info.split(":", 2)[1])));
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        var parameters = new LinkedHashMap<String, String>();
        for (var pair : rawQuery.split("&")) {
            var keyValue = pair.split("=", 2);
            parameters.put(JDBC_NAMES.getOrDefault(keyValue[0], keyValue[0]), keyValue.length > 1 ? keyValue[1] : "");
        }
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced, fit for a log line or an error message. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1****@").replaceAll("(?i)(password=)[^&]*", "$1****");
    }

    @Override
    public String toString() {
        return redact(jdbcUrl) + user.map(name -> " as " + name).orElse("");
    }
}
