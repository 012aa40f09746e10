package coder.notifications.enqueue;

import coder.notifications.api.JsonBodies;
import coder.notifications.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Where existing systems report events: {@code /api/v2/notifications/events} and its batch form. */
@Path("notifications/events")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    Enqueuer enqueuer;

    @Inject
    GroupedEnqueue grouped;

    @POST
    @RolesAllowed({Roles.NOTIFIER, Roles.OWNER})
    public Response enqueue(byte[] body) {
        return Response.accepted(grouped.enqueue(EventRequest.from(JsonBodies.object(body))))
                .build();
    }

    @POST
    @Path("batch")
    @RolesAllowed({Roles.NOTIFIER, Roles.OWNER})
    public Map<String, List<Object>> enqueueBatch(byte[] body) {
        return Map.of("results", enqueuer.enqueueAll(EventRequest.batchOf(JsonBodies.object(body))));
    }
}
