package coder.notifications.client;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code /api/v2/notifications/inbox}: the caller's own inbox, in Coder's shapes. */
@Path("notifications/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface InboxApi {

    @GET
    Page list(
            @QueryParam("targets") String targets,
            @QueryParam("templates") String templates,
            @QueryParam("read_status") String readStatus,
            @QueryParam("starting_before") String startingBefore);

    @PUT
    @Path("{id}/read-status")
    One readStatus(@PathParam("id") String id, ReadStatus status);

    /** The first page as the JSON sent, for a test of the wire form itself (a null written, not left out). */
    @GET
    JsonObject listAsSent();

    /** 204. */
    @PUT
    @Path("mark-all-as-read")
    Response markAllAsRead();

    record ReadStatus(@JsonbProperty("is_read") boolean isRead) {}

    record Page(
            List<Item> notifications,
            @JsonbProperty("unread_count") long unreadCount) {}

    record One(
            Item notification,
            @JsonbProperty("unread_count") long unreadCount) {}

    record Item(
            UUID id,
            @JsonbProperty("user_id") UUID userId,
            @JsonbProperty("template_id") UUID templateId,
            List<UUID> targets,
            String title,
            String content,
            String icon,
            List<Action> actions,
            @JsonbProperty("read_at") Instant readAt,
            @JsonbProperty("created_at") Instant createdAt) {}

    record Action(String label, String url) {}
}
