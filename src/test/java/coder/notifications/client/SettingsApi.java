package coder.notifications.client;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/v2/notifications/settings}: the deployment's kill switch. */
@Path("notifications/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SettingsApi {

    @GET
    Settings get();

    /** 200 when changed, 304 when it already was so. */
    @PUT
    Response put(Settings settings);

    record Settings(@JsonbProperty("notifier_paused") boolean notifierPaused) {}
}
