package coder.notifications.client;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    /** The same call answered as is, for a test that checks the 202 itself; the body is {@link Enqueued}. */
    @POST
    Response reportAnswered(Event event);

    /** 200 with one result per event, in order. */
    @POST
    @Path("batch")
    Response reportAll(Batch batch);

    record Event(
            String template,
            @JsonbProperty("user_id") UUID userId,
            List<UUID> recipients,
            Map<String, String> labels,
            JsonObject data,
            List<UUID> targets) {

        /** An event for one user with labels: the common case. */
        public static Event of(String template, UUID user, Map<String, String> labels) {
            return new Event(template, user, null, labels, null, null);
        }

        /** An event whose recipients are named instead of resolved from the template's audience. */
        public static Event toRecipients(String template, List<UUID> recipients, Map<String, String> labels) {
            return new Event(template, null, recipients, labels, null, null);
        }

        /** The same event about these targets (workspaces, templates, ...). */
        public Event withTargets(List<UUID> about) {
            return new Event(template, userId, recipients, labels, data, about);
        }
    }

    record Batch(List<Event> events) {}

    /** A batch's answer when every event was accepted: one result per event, in order. */
    record Results(List<Enqueued> results) {}

    record Enqueued(List<Created> messages, List<Skipped> skipped) {

        /** The message of the template's delivery method (not the inbox's). */
        public Created delivered() {
            return messages.stream()
                    .filter(message -> !message.method().equals("inbox"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no delivery message in " + this));
        }

        /** The message of this method. */
        public Created by(String method) {
            return messages.stream()
                    .filter(message -> message.method().equals(method))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + method + " message in " + this));
        }

        /** The delivery methods of the messages, in the answer's order. */
        public List<String> methods() {
            return messages.stream().map(Created::method).toList();
        }
    }

    record Created(UUID id, @JsonbProperty("user_id") UUID userId, String method, String status) {}

    record Skipped(@JsonbProperty("user_id") UUID userId, String reason) {}
}
