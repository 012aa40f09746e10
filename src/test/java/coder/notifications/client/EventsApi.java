package coder.notifications.client;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /api/v2/notifications/events}: reporting events. */
@Path("notifications/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface EventsApi {

    /** 202 with what became of each recipient's messages. */
    @POST
    Enqueued report(Event event);

    record Event(
            String template,
            @JsonbProperty("user_id") UUID userId,
            Map<String, String> labels,
            JsonObject data,
            List<UUID> targets) {

        /** An event for one user with labels: the common case. */
        public static Event of(String template, UUID user, Map<String, String> labels) {
            return new Event(template, user, labels, null, null);
        }
    }

    record Enqueued(List<Created> messages, List<Skipped> skipped) {

        /** The message of the template's delivery method (not the inbox's). */
        public Created delivered() {
            return messages.stream()
                    .filter(message -> !message.method().equals("inbox"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no delivery message in " + this));
        }
    }

    record Created(UUID id, @JsonbProperty("user_id") UUID userId, String method, String status) {}

    record Skipped(@JsonbProperty("user_id") UUID userId, String reason) {}
}
