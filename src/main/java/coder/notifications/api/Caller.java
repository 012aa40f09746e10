package coder.notifications.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;

/** Who is calling: the {@code sub} claim of the verified bearer token is the caller's user id in the directory. */
@RequestScoped
public class Caller {

    @Inject
    HttpServletRequest request;

    public Optional<UUID> id() {
        var principal = request.getUserPrincipal();
        var subject = principal == null ? null : principal.getName();
        return Uuids.isUuid(subject) ? Optional.of(UUID.fromString(subject)) : Optional.empty();
    }

    /**
     * The caller's user id, or a 403 when the token (valid: the authentication mechanism let it through) names no
     * user of the directory, as a system's token does.
     */
    public UUID requireId() {
        return id().orElseThrow(
                        () -> new ForbiddenException(
                                "This request is about the caller: it needs a bearer token whose sub claim is a user id of the directory."));
    }

    /** Whether the token's {@code groups} claim holds the role. */
    public boolean hasRole(String role) {
        return request.getUserPrincipal() != null && request.isUserInRole(role);
    }
}
