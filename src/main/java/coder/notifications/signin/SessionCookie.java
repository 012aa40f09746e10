package coder.notifications.signin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;

/**
 * The cookies of the pages: the session (HttpOnly, SameSite=Lax, Secure when the public URL is https) and, while
 * an OpenID Connect sign-in is under way, its state, so that only the browser that started a sign-in can
 * finish it (and, likewise, only the browser that opened the evaluation sign-in link can post its form).
 */
public final class SessionCookie {

    public static final String SESSION = "notifications_session";
    public static final String SIGN_IN_STATE = "notifications_sign_in";
    /** The evaluation sign-in link's form: its value is in the form too, so that only this browser's form posts. */
    public static final String SIGN_IN_FORM = "notifications_sign_in_form";

    private SessionCookie() {}

    public static Optional<String> read(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getCookies()).stream()
                .flatMap(Arrays::stream)
                .filter(cookie -> cookie.getName().equals(name))
                .map(Cookie::getValue)
                .filter(value -> value.matches("[A-Za-z0-9_-]{20,100}"))
                .findFirst();
    }

    public static void write(
            HttpServletResponse response, String name, String value, long maxAgeSeconds, boolean secure) {
        response.addHeader(
                "Set-Cookie",
                name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                        + (secure ? "; Secure" : ""));
    }

    public static void clear(HttpServletResponse response, String name, boolean secure) {
        write(response, name, "", 0, secure);
    }
}
