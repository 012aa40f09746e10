package coder.notifications.enqueue;

import coder.notifications.api.Caller;
import coder.notifications.api.JsonBodies;
import coder.notifications.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/** Notifications a caller sends to themself: the troubleshooting test and a custom message, both rate limited (429). */
@Path("notifications")
@RequestScoped
public class CallerNotificationsResource {

    /** The {@code created_by} of test notifications, whether sent through the API or the console. */
    static final String TEST = "test";

    @Inject
    LimitedSender sender;

    @Inject
    Caller caller;

    /** Sends the Troubleshooting Notification to the caller through the normal pipeline; never deduped. */
    @POST
    @Path("test")
    @RolesAllowed(Roles.OWNER)
    public void test() {
        sender.test(caller.requireId());
    }

    /** {@code {"content": {"title", "message"}}} to the caller. */
    @POST
    @Path("custom")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.USER_ADMIN, Roles.TEMPLATE_ADMIN, Roles.AUDITOR, Roles.MEMBER, Roles.NOTIFIER})
    public void custom(byte[] body) {
        sender.custom(caller.requireId(), CustomNotificationRequest.from(JsonBodies.object(body)));
    }
}
