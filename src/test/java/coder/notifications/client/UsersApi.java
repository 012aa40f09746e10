package coder.notifications.client;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code /api/v2/users}: the user directory. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface UsersApi {

    @PUT
    @Path("{id}")
    User save(@PathParam("id") String id, UserRequest user);

    /** By id, username (any case) or {@code me}. */
    @GET
    @Path("{user}")
    User find(@PathParam("user") String user);

    @GET
    Users list(@QueryParam("role") String role);

    @DELETE
    @Path("{id}")
    void delete(@PathParam("id") String id);

    record UserRequest(String username, String name, String email, List<String> roles, String status) {

        public static UserRequest of(String username, String... roles) {
            return new UserRequest(username, null, null, List.of(roles), null);
        }
    }

    record User(
            UUID id,
            String username,
            String name,
            String email,
            List<String> roles,
            String status,
            @JsonbProperty("created_at") Instant createdAt,
            @JsonbProperty("updated_at") Instant updatedAt) {}

    record Users(List<User> users) {}
}
