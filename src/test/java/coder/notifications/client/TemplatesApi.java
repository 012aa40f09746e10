package coder.notifications.client;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** {@code /api/v2/notifications/templates}: the system templates and their delivery method. */
@Path("notifications/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TemplatesApi {

    @GET
    @Path("system")
    List<Template> system();

    /** 200 with the {@link Template} when changed, 304 when the method was already that. */
    @PUT
    @Path("{id}/method")
    Response setMethod(@PathParam("id") String id, MethodChoice method);

    record MethodChoice(String method) {}

    record Template(
            UUID id,
            String name,
            @JsonbProperty("title_template") String titleTemplate,
            @JsonbProperty("body_template") String bodyTemplate,
            List<Action> actions,
            String group,
            String method,
            String kind,
            @JsonbProperty("enabled_by_default") boolean enabledByDefault) {}

    record Action(String label, String url) {}
}
