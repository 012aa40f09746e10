package coder.notifications.inbox;

import coder.notifications.api.Caller;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.JsonBodies;
import coder.notifications.api.NotFoundException;
import coder.notifications.api.Uuids;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * The caller's own inbox (SPEC 12): {@code /api/v2/notifications/inbox}. Any signed-in user, by bearer token or
 * the pages' session cookie (see security/BearerAuthentication); another user's item is answered as unknown. The
 * live stream of the same path's {@code /watch} is {@link WatchServlet}.
 */
@Path("notifications/inbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class InboxResource {

    @Inject
    InboxStore store;

    @Inject
    Icons icons;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    /** {@code ?targets=&templates=&read_status=&starting_before=}: 25 items a page, newest first. */
    @GET
    public InboxItem.Page list() {
        var userId = ownerId();
        var query = InboxQuery.forList(request.getParameterMap());
        query.startingBefore().ifPresent(last -> {
            if (!store.owns(userId, last)) {
                throw InvalidRequestException.field("starting_before", "names no item of your inbox");
            }
        });
        var items = store.page(userId, query).stream().map(icons::item).toList();
        return new InboxItem.Page(items, store.unreadCount(userId));
    }

    /** {@code {"is_read": true | false}}. */
    @PUT
    @Path("{id}/read-status")
    @Consumes(MediaType.APPLICATION_JSON)
    public InboxItem.One readStatus(@PathParam("id") String id, byte[] body) {
        var userId = ownerId();
        var itemId = Uuids.parse("id", id);
        var read = JsonBodies.object(body).get("is_read");
        if (read != JsonValue.TRUE && read != JsonValue.FALSE) {
            throw InvalidRequestException.field("is_read", "must be true or false");
        }
        var item = store.markRead(userId, itemId, read == JsonValue.TRUE)
                .orElseThrow(() -> new NotFoundException("No inbox item with id " + id + "."));
        return new InboxItem.One(icons.item(item), store.unreadCount(userId));
    }

    @PUT
    @Path("mark-all-as-read")
    public Response markAllAsRead() {
        store.markAllRead(ownerId());
        return Response.noContent().build();
    }

    private UUID ownerId() {
        return caller.requireId();
    }
}
