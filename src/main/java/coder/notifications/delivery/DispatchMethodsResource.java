package coder.notifications.delivery;

import coder.notifications.config.NotifierSettings;
import coder.notifications.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;

/** Which delivery methods exist and which one is the deployment default: {@code /api/v2/notifications/dispatch-methods}. */
@Path("notifications/dispatch-methods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DispatchMethodsResource {

    @Inject
    NotifierSettings settings;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.USER_ADMIN, Roles.TEMPLATE_ADMIN, Roles.AUDITOR, Roles.MEMBER, Roles.NOTIFIER})
    public jakarta.json.JsonObject methods() {
        var available = jakarta.json.Json.createArrayBuilder();
        Arrays.stream(Method.values()).forEach(method -> available.add(method.name()));
        return jakarta.json.Json.createObjectBuilder().add("available", available).add("default", settings.method().name()).build();
    }
}
