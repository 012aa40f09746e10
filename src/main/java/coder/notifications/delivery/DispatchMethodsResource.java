package coder.notifications.delivery;

import coder.notifications.api.Roles;
import coder.notifications.config.Method;
import coder.notifications.config.NotifierSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Which delivery methods exist and which one is the deployment default: {@code /api/v2/notifications/dispatch-methods}. */
@Path("notifications/dispatch-methods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DispatchMethodsResource {

    /** {@code {"available": ["smtp", "webhook"], "default": "smtp"}}. */
    public record DispatchMethods(
            List<String> available,
            @JsonbProperty("default") String defaultMethod) {}

    @Inject
    NotifierSettings settings;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.USER_ADMIN, Roles.TEMPLATE_ADMIN, Roles.AUDITOR, Roles.MEMBER, Roles.NOTIFIER})
    public DispatchMethods methods() {
        return new DispatchMethods(
                Method.DEPLOYMENT_METHODS.stream().map(Method::name).toList(),
                settings.method().name());
    }
}
