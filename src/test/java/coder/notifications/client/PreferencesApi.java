package coder.notifications.client;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /api/v2/users/{user}/notifications/preferences}: what a person turned off. */
@Path("users/{user}/notifications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PreferencesApi {

    @GET
    List<Preference> of(@PathParam("user") String user);

    @PUT
    List<Preference> set(@PathParam("user") String user, Choices choices);

    record Choices(@JsonbProperty("template_disabled_map") Map<String, Boolean> templateDisabledMap) {}

    record Preference(
            UUID id,
            boolean disabled,
            @JsonbProperty("updated_at") Instant updatedAt) {}
}
