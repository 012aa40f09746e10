package coder.notifications.signin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Who signed in with OpenID Connect, from the ID token's claims: the user id from {@code sub} (as for API
 * tokens; a {@code sub} that is not a UUID gets a stable name-based one), the directory fields from
 * {@code preferred_username}, {@code name} and {@code email}, and the roles from the group claim.
 */
public record Person(UUID id, String username, String name, String email, List<String> roles) {

    public static Person of(JwtClaims claims, String groupField) throws MalformedClaimException {
        var subject = claims.getSubject();
        var id = isUuid(subject)
                ? UUID.fromString(subject)
                : UUID.nameUUIDFromBytes((claims.getIssuer() + "|" + subject).getBytes(StandardCharsets.UTF_8));
        var email = text(claims, "email");
        var username = text(claims, "preferred_username");
        if (username.isEmpty()) {
            username = email.contains("@") ? email.substring(0, email.indexOf('@')) : subject;
        }
        return new Person(id, username, text(claims, "name"), email, groups(claims, groupField));
    }

    private static String text(JwtClaims claims, String name) {
        var value = claims.getClaimValue(name);
        return value instanceof String text ? text.strip() : "";
    }

    private static List<String> groups(JwtClaims claims, String field) {
        var value = claims.getClaimValue(field);
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof List<?> many) {
            return many.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return List.of();
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
