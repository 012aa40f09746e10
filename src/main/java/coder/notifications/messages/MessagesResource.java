package coder.notifications.messages;

import coder.notifications.api.NotFoundException;
import coder.notifications.api.Roles;
import coder.notifications.api.Uuids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Troubleshooting: every message with its status and failure reason ({@code /api/v2/notifications/messages}). */
@Path("notifications/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

    @Inject
    MessageStore messages;

    @GET
    @RolesAllowed(Roles.OWNER)
    public Map<String, List<MessageView>> list(
            @QueryParam("status") String status,
            @QueryParam("user_id") String userId,
            @QueryParam("template_id") String templateId,
            @QueryParam("limit") String limit) {
        return Map.of("messages", messages.list(MessageFilter.of(status, userId, templateId, limit)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.OWNER)
    public MessageView find(@PathParam("id") String id) {
        return messages.byId(Uuids.parse("id", id))
                .orElseThrow(() -> new NotFoundException("No message with id " + id + "."));
    }
}
