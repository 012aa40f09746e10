package coder.notifications.client;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /api/v2/notifications/dispatch-methods}: the delivery methods and the deployment's default. */
@Path("notifications/dispatch-methods")
@Produces(MediaType.APPLICATION_JSON)
public interface DispatchMethodsApi {

    @GET
    DispatchMethods get();

    record DispatchMethods(
            List<String> available,
            @JsonbProperty("default") String defaultMethod) {}
}
