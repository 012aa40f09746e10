package coder.notifications.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where settings come from: a lookup by MicroProfile Config property name ({@code coder.email.from}), whose
 * environment form is the Coder name ({@code CODER_EMAIL_FROM}). Typed readers turn each bad value into an
 * {@link InvalidSettingException} that names the variable and, unless it is a secret, the value.
 */
public final class SettingSource {

    private final Function<String, Optional<String>> lookup;

    public SettingSource(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** The environment variable that carries a property, as MicroProfile Config maps it. */
    public static String variableOf(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    public Optional<String> text(String property) {
        return lookup.apply(property).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The value of the property, else of its legacy alias: the new name wins when both are set. */
    public Optional<String> text(String property, String alias) {
        return text(property).or(() -> text(alias));
    }

    public String text(String property, String alias, String fallback) {
        return text(property, alias).orElse(fallback);
    }

    public Duration duration(String property, String fallback) {
        var value = text(property).orElse(fallback);
        try {
            return CoderDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(property, value, e.getMessage());
        }
    }

    public int integer(String property, int fallback, int minimum) {
        var value = text(property).orElse(Integer.toString(fallback));
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(property, value, "expected a whole number");
        }
        if (number < minimum) {
            throw invalid(property, value, "must be at least " + minimum);
        }
        return number;
    }

    public boolean bool(String property, String alias, boolean fallback) {
        var value = text(property, alias).orElse(Boolean.toString(fallback)).toLowerCase();
        return switch (value) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw invalid(property, value, "expected true or false");
        };
    }

    /** A path that must name a readable file when it is set. */
    public Optional<Path> readableFile(String property, String alias) {
        var value = text(property, alias);
        value.filter(path -> !Files.isReadable(Path.of(path))).ifPresent(path -> {
            throw invalid(property, path, "the file does not exist or cannot be read");
        });
        return value.map(Path::of);
    }

    /** An absolute http:// or https:// URL with a host. */
    public static java.net.URI httpUrl(String property, String value) {
        try {
            var uri = new java.net.URI(value);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalid(property, value, "expected an absolute http:// or https:// URL with a host");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw invalid(property, value, "not a URL: " + e.getReason());
        }
    }

    public static InvalidSettingException invalid(String property, String value, String problem) {
        return new InvalidSettingException(variableOf(property), "invalid value \"" + value + "\": " + problem);
    }
}
