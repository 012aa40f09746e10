package coder.notifications.enqueue;

import coder.notifications.api.ApiError;
import coder.notifications.api.Caller;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.JsonBodies;
import coder.notifications.api.JsonFields;
import coder.notifications.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Notifications a caller sends to themself: the troubleshooting test and a custom message. */
@Path("notifications")
@RequestScoped
public class CallerNotificationsResource {

    static final int TITLE_LIMIT = 120;
    static final int MESSAGE_LIMIT = 2000;

    @Inject
    Enqueuer enqueuer;
    @Inject
    Caller caller;

    /** Sends the Troubleshooting Notification to the caller through the normal pipeline; never deduped. */
    @POST
    @Path("test")
    @RolesAllowed(Roles.OWNER)
    public void test() {
        enqueuer.enqueueWithoutDedupe(toCaller("Troubleshooting Notification", Map.of(), "test"));
    }

    /** {@code {"content": {"title", "message"}}} to the caller. */
    @POST
    @Path("custom")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.USER_ADMIN, Roles.TEMPLATE_ADMIN, Roles.AUDITOR, Roles.MEMBER, Roles.NOTIFIER})
    public void custom(byte[] body) {
        var problems = new ArrayList<ApiError.Validation>();
        var content = new JsonFields(JsonBodies.object(body), "", problems).object("content");
        if (content.isEmpty() && problems.isEmpty()) {
            problems.add(new ApiError.Validation("content", "is required: {\"title\": ..., \"message\": ...}"));
        }
        var fields = new JsonFields(content.orElse(Json.createObjectBuilder().build()), "content.", problems);
        var title = content.flatMap(c -> limited(fields, "title", TITLE_LIMIT));
        var message = content.flatMap(c -> limited(fields, "message", MESSAGE_LIMIT));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("Invalid custom notification.", problems);
        }
        enqueuer.enqueueWithoutDedupe(toCaller("Custom Notification",
                Map.of("custom_title", title.orElseThrow(), "custom_message", message.orElseThrow()), "custom"));
    }

    private EventRequest toCaller(String template, Map<String, String> labels, String createdBy) {
        return new EventRequest(template, Optional.of(caller.requireId()), Optional.empty(), Optional.empty(), labels,
                Json.createObjectBuilder().build(), List.of(), createdBy);
    }

    private static Optional<String> limited(JsonFields fields, String name, int limit) {
        var value = fields.requiredString(name);
        if (value.isPresent() && value.get().length() > limit) {
            fields.problem(name, "must be at most " + limit + " characters");
            return Optional.empty();
        }
        return value;
    }
}
