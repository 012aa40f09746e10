package coder.notifications.dispatch;

import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.JsonBodies;
import coder.notifications.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The kill switch over HTTP: {@code GET/PUT /api/v2/notifications/settings}. */
@Path("notifications/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    /** The body of both directions: {@code {"notifier_paused": true}}. */
    public record NotificationSettings(boolean notifierPaused) {

        static NotificationSettings from(JsonObject request) {
            var value = request.get("notifier_paused");
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                throw InvalidRequestException.field("notifier_paused", "is required: true or false");
            }
            return new NotificationSettings(value == JsonValue.TRUE);
        }
    }

    @Inject
    KillSwitch killSwitch;

    @Inject
    coder.notifications.api.Caller caller;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.USER_ADMIN, Roles.TEMPLATE_ADMIN, Roles.AUDITOR, Roles.MEMBER, Roles.NOTIFIER})
    public NotificationSettings get() {
        return new NotificationSettings(killSwitch.paused());
    }

    /** 200 with the settings, or 304 when they were already so. */
    @PUT
    @RolesAllowed(Roles.OWNER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(byte[] body) {
        var wanted = NotificationSettings.from(JsonBodies.object(body));
        return killSwitch.set(wanted.notifierPaused(), caller.id())
                ? Response.ok(wanted).build()
                : Response.notModified().build();
    }
}
