package coder.notifications.client;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code /api/v2/notifications/messages}: the queue, for operators. */
@Path("notifications/messages")
@Produces(MediaType.APPLICATION_JSON)
public interface MessagesApi {

    @GET
    Messages list(
            @QueryParam("status") String status,
            @QueryParam("user_id") String userId,
            @QueryParam("template_id") String templateId,
            @QueryParam("limit") Integer limit);

    /** The same list as the JSON sent, for a test of the wire form itself (a null written, not left out). */
    @GET
    JsonObject listAsSent(
            @QueryParam("status") String status,
            @QueryParam("user_id") String userId,
            @QueryParam("template_id") String templateId,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("{id}")
    Message find(@PathParam("id") String id);

    record Messages(List<Message> messages) {}

    record Message(
            UUID id,
            @JsonbProperty("notification_template_id") UUID templateId,
            @JsonbProperty("notification_name") String notificationName,
            @JsonbProperty("user_id") UUID userId,
            String method,
            String status,
            @JsonbProperty("status_reason") String statusReason,
            @JsonbProperty("attempt_count") int attemptCount,
            @JsonbProperty("created_by") String createdBy,
            @JsonbProperty("created_at") Instant createdAt,
            @JsonbProperty("updated_at") Instant updatedAt,
            @JsonbProperty("leased_until") Instant leasedUntil,
            @JsonbProperty("next_retry_after") Instant nextRetryAfter) {}
}
