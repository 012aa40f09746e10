package coder.notifications.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the {@code sub} claim of the verified bearer token is the caller's user id in the directory. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public Optional<UUID> id() {
        var subject = token == null ? null : token.getSubject();
        return Uuids.isUuid(subject) ? Optional.of(UUID.fromString(subject)) : Optional.empty();
    }

    /** The caller's user id, or a 401 when the token names no user id. */
    public UUID requireId() {
        return id().orElseThrow(() -> new UnauthorizedException(
                "This request needs a caller: a bearer token whose sub claim is a user id of the directory."));
    }

    public boolean hasRole(String role) {
        return token != null && token.getGroups() != null && token.getGroups().contains(role);
    }
}
