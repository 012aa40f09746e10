package coder.notifications.enqueue;

import coder.notifications.api.ApiError;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.JsonFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The body of {@code POST /notifications/custom}: {@code {"content": {"title", "message"}}}, both non-blank. */
public record CustomNotificationRequest(String title, String message) {

    /** The {@code created_by} of custom notifications. */
    static final String SOURCE = "custom";

    static final int TITLE_LIMIT = 120;
    static final int MESSAGE_LIMIT = 2000;

    public static CustomNotificationRequest from(JsonObject body) {
        var problems = new ArrayList<ApiError.Validation>();
        var content = new JsonFields(body, "", problems).object("content");
        if (content.isEmpty() && problems.isEmpty()) {
            problems.add(new ApiError.Validation("content", "is required: {\"title\": ..., \"message\": ...}"));
        }
        var fields = new JsonFields(content.orElse(JsonValue.EMPTY_JSON_OBJECT), "content.", problems);
        var title = content.flatMap(c -> limited(fields, "title", TITLE_LIMIT));
        var message = content.flatMap(c -> limited(fields, "message", MESSAGE_LIMIT));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("Invalid custom notification.", problems);
        }
        return new CustomNotificationRequest(title.orElseThrow(), message.orElseThrow());
    }

    /** The Custom Notification event for one user. */
    EventRequest toEvent(UUID user) {
        return EventRequest.toUser(
                "Custom Notification", user, Map.of("custom_title", title, "custom_message", message), SOURCE);
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
