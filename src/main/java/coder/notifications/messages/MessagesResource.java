package coder.notifications.messages;

import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.NotFoundException;
import coder.notifications.api.Uuids;
import coder.notifications.security.Roles;
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
import java.util.Optional;

/** Troubleshooting: every message with its status and failure reason ({@code /api/v2/notifications/messages}). */
@Path("notifications/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

    private static final int MAX_LIMIT = 1000;

    @Inject
    MessageStore messages;

    @GET
    @RolesAllowed(Roles.OWNER)
    public Map<String, List<MessageView>> list(@QueryParam("status") String status, @QueryParam("user_id") String userId,
                                               @QueryParam("template_id") String templateId, @QueryParam("limit") String limit) {
        return Map.of("messages", messages.list(
                present(status).map(name -> MessageStatus.named(name).orElseThrow(() -> InvalidRequestException.field("status",
                        "must be one of pending, leased, sent, temporary_failure, permanent_failure, inhibited"))),
                present(userId).map(id -> Uuids.parse("user_id", id)),
                present(templateId).map(id -> Uuids.parse("template_id", id)),
                limit(limit)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.OWNER)
    public MessageView find(@PathParam("id") String id) {
        return messages.byId(Uuids.parse("id", id))
                .orElseThrow(() -> new NotFoundException("No message with id " + id + "."));
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }

    private static int limit(String value) {
        if (present(value).isEmpty()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidRequestException.field("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
