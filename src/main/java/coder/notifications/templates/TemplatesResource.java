package coder.notifications.templates;

import coder.notifications.api.JsonBodies;
import coder.notifications.api.NotFoundException;
import coder.notifications.api.Roles;
import coder.notifications.api.Uuids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The templates and their delivery method: {@code /api/v2/notifications/templates}. */
@Path("notifications/templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {

    @Inject
    TemplateStore templates;

    @Inject
    TemplateMethods methods;

    @Inject
    coder.notifications.api.Caller caller;

    @GET
    @Path("system")
    @RolesAllowed({Roles.OWNER, Roles.USER_ADMIN, Roles.TEMPLATE_ADMIN, Roles.AUDITOR, Roles.MEMBER, Roles.NOTIFIER})
    public List<TemplateView> system() {
        return templates.system().stream().map(TemplateView::of).toList();
    }

    /** {@code {"method": "smtp" | "webhook" | ""}}; "" returns the template to the deployment default. 304 when unchanged. */
    @PUT
    @Path("{id}/method")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OWNER)
    public Response setMethod(@PathParam("id") String id, byte[] body) {
        var templateId = Uuids.parse("id", id);
        var method = MethodRequest.from(JsonBodies.object(body)).method();
        templates.byId(templateId).orElseThrow(() -> new NotFoundException("No template with id " + id + "."));
        return methods.change(templateId, method, caller.id())
                ? Response.ok(TemplateView.of(templates.byId(templateId).orElseThrow()))
                        .build()
                : Response.notModified().build();
    }
}
