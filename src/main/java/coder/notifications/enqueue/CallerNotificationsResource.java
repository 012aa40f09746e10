package coder.notifications.enqueue;

import coder.notifications.api.Caller;
import coder.notifications.api.JsonBodies;
import coder.notifications.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Notifications a caller sends to themself: the troubleshooting test and a custom message. */
@Path("notifications")
@RequestScoped
public class CallerNotificationsResource {

    @Inject
    Enqueuer enqueuer;
    @Inject
    Caller caller;

    /** Sends the Troubleshooting Notification to the caller through the normal pipeline; never deduped. */
    @POST
    @Path("test")
    @RolesAllowed(Roles.OWNER)
    public void test() {
        enqueuer.enqueueWithoutDedupe(EventRequest.toUser("Troubleshooting Notification", caller.requireId(), Map.of(), "test"));
    }

    /** {@code {"content": {"title", "message"}}} to the caller. */
    @POST
    @Path("custom")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.USER_ADMIN, Roles.TEMPLATE_ADMIN, Roles.AUDITOR, Roles.MEMBER, Roles.NOTIFIER})
    public void custom(byte[] body) {
        enqueuer.enqueueWithoutDedupe(CustomNotificationRequest.from(JsonBodies.object(body)).toEvent(caller.requireId()));
    }
}
