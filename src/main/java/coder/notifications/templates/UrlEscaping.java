package coder.notifications.templates;

import io.pebbletemplates.pebble.extension.escaper.EscapingStrategy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Makes a value one literal piece of a URL: it can add neither a path segment, a query nor a scheme. */
final class UrlEscaping implements EscapingStrategy {

    @Override
    public String escape(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
