package coder.notifications.templates;

import io.pebbletemplates.pebble.extension.escaper.EscapingStrategy;
import java.util.regex.Pattern;

/**
 * Makes a value literal text inside Markdown: every character that could start markup is backslash-escaped
 * (CommonMark then renders it as itself), a value that could open a block at the start of a line is escaped
 * there, and line breaks become spaces, so a value can never add a link, a tag, a heading or a header line.
 */
final class MarkdownEscaping implements EscapingStrategy {

    private static final Pattern INLINE = Pattern.compile("([\\\\`*_\\[\\]()<>!|~&{}#])");
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)([-+=>]|\\d+[.)])");

    @Override
    public String escape(String value) {
        var oneLine = TemplateRenderer.oneLine(value);
        var inline = INLINE.matcher(oneLine).replaceAll("\\\\$1");
        var matcher = BLOCK_START.matcher(inline);
        if (!matcher.find()) {
            return inline;
        }
        var marker = matcher.group(2);
        return matcher.group(1) + marker.substring(0, marker.length() - 1) + "\\" + marker.charAt(marker.length() - 1)
                + inline.substring(matcher.end());
    }
}
