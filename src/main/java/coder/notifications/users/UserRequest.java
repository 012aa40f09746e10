package coder.notifications.users;

import coder.notifications.api.ApiError;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.JsonFields;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The body of {@code PUT /users/{id}}, validated: every bad field is named. */
public record UserRequest(String username, String name, String email, List<String> roles, String status) {

    private static final Set<String> STATUSES = Set.of("active", "suspended", "dormant");

    public static UserRequest from(JsonObject body) {
        var problems = new ArrayList<ApiError.Validation>();
        var fields = new JsonFields(body, "", problems);
        var username = fields.requiredString("username").orElse("");
        if (!username.isEmpty() && !username.matches("[^\\s/\\\\]{1,64}")) {
            fields.problem("username", "must be 1 to 64 characters without spaces or slashes");
        }
        if (username.equalsIgnoreCase("me")) {
            fields.problem("username", "\"me\" is reserved: it names the caller");
        }
        var name = fields.string("name").orElse("");
        if (name.length() > 256 || name.matches("(?s).*[\\r\\n].*")) {
            fields.problem("name", "must be one line of at most 256 characters");
        }
        var email = fields.string("email").orElse("").strip();
        if (email.length() > 320) {
            fields.problem("email", "must be at most 320 characters");
        }
        if (!email.isEmpty() && !email.matches("[^\\s@<>]+@[^\\s@<>]+")) {
            fields.problem("email", "must be an email address such as danny@example.com");
        }
        var roles = new LinkedHashSet<String>();
        var named = fields.strings("roles");
        for (int i = 0; i < named.size(); i++) {
            if (Role.named(named.get(i)).isEmpty()) {
                fields.problem("roles[" + i + "]", "must be one of owner, user-admin, template-admin, auditor, member");
            } else {
                roles.add(named.get(i));
            }
        }
        var status = fields.string("status").orElse("active");
        if (!STATUSES.contains(status)) {
            fields.problem("status", "must be one of active, suspended, dormant");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("Invalid user.", problems);
        }
        return new UserRequest(username, name, email, List.copyOf(roles), status);
    }
}
