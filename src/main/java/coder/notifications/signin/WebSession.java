package coder.notifications.signin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A signed-in person on the pages: their user id, the roles they signed in with, and the session's CSRF token. */
public record WebSession(UUID userId, List<String> roles, String csrfToken, Instant expires) {

    /** The request attribute under which the pages find the session of the request. */
    public static final String ATTRIBUTE = WebSession.class.getName();

    /** The header by which the pages' script sends the CSRF token with a change. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
