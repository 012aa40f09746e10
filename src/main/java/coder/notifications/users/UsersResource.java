package coder.notifications.users;

import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.JsonBodies;
import coder.notifications.api.NotFoundException;
import coder.notifications.api.Roles;
import coder.notifications.api.Uuids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The user directory: {@code /api/v2/users}. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserStore users;

    @Inject
    UserDirectory directory;

    @PUT
    @RolesAllowed({Roles.NOTIFIER, Roles.OWNER, Roles.USER_ADMIN})
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView save(@PathParam("id") String id, byte[] body) {
        var userId = Uuids.parse("id", id);
        var request = UserRequest.from(JsonBodies.object(body));
        directory.requireRankFor(userId, java.util.Optional.of(request));
        return users.save(userId, request, directory.writerRank());
    }

    @GET
    @Path("{user}")
    @RolesAllowed({Roles.OWNER, Roles.USER_ADMIN, Roles.TEMPLATE_ADMIN, Roles.AUDITOR, Roles.MEMBER, Roles.NOTIFIER})
    public UserView find(@PathParam("user") String user) {
        var found = directory.find(user);
        directory.requireSelfOr(found.id(), Roles.OWNER, Roles.USER_ADMIN);
        return found;
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.USER_ADMIN})
    public Map<String, List<UserView>> list(@QueryParam("role") String role) {
        var wanted = Optional.ofNullable(role)
                .filter(name -> !name.isBlank())
                .map(name -> Role.named(name)
                        .orElseThrow(() -> InvalidRequestException.field(
                                "role", "must be one of owner, user-admin, template-admin, auditor, member")));
        return Map.of("users", users.list(wanted));
    }

    @DELETE
    @RolesAllowed({Roles.OWNER, Roles.USER_ADMIN})
    @Path("{id}")
    public void delete(@PathParam("id") String id) {
        var userId = Uuids.parse("id", id);
        directory.requireRankFor(userId, java.util.Optional.empty());
        if (!users.delete(userId)) {
            throw new NotFoundException("No user with id " + id + ".");
        }
    }
}
