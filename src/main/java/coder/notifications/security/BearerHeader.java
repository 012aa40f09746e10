package coder.notifications.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one accepted form of the {@code Authorization} header: the scheme {@code Bearer} (any case), one space,
 * and one compact JWS (three base64url parts). Anything else (no scheme, a tab, a second word, two headers)
 * is refused before any token is parsed, so no part of it is ever echoed or logged.
 */
public final class BearerHeader {

    private static final Pattern FORM =
            Pattern.compile("(?i:bearer) ([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");
    static final int MAX_LENGTH = 16 * 1024;

    private BearerHeader() {}

    /** The token of the request's Authorization headers, if there is exactly one of the accepted form. */
    public static Optional<String> token(List<String> headers) {
        if (headers.size() != 1 || headers.get(0) == null || headers.get(0).length() > MAX_LENGTH) {
            return Optional.empty();
        }
        var matcher = FORM.matcher(headers.get(0));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
