package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.client.Problem;
import coder.notifications.client.UsersApi;
import coder.notifications.client.UsersApi.UserRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.jwt.JwtConfig;

/** The user directory API, called through its typed interface. */
@MicroShedTest
public class UsersIT {

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = coder.notifications.security.EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static UsersApi users;

    @Test
    void aUserIsCreatedUpdatedReadListedAndDeleted() {
        var id = UUID.randomUUID().toString();
        var username = "dir-" + id.substring(0, 8);
        var created =
                users.save(id, new UserRequest(username, "Dora", "dora@example.com", List.of("template-admin"), null));
        assertEquals(id, created.id().toString());
        assertEquals("active", created.status());
        var updated =
                users.save(id, new UserRequest(username, "Dora D.", "dora@example.com", List.of("owner"), "suspended"));
        assertEquals("Dora D.", updated.name());
        var read = users.find(id);
        assertEquals(List.of("owner"), read.roles());
        assertEquals("suspended", read.status());
        assertEquals(id, users.find(username.toUpperCase()).id().toString(), "a username in any case");
        assertTrue(users.list("owner").users().stream()
                .anyMatch(user -> user.id().toString().equals(id)));
        assertFalse(users.list("member").users().stream()
                .anyMatch(user -> user.id().toString().equals(id)));
        users.delete(id);
        var gone = assertThrows(NotFoundException.class, () -> users.find(id));
        assertNotNull(Problem.of(gone).message());
        assertThrows(NotFoundException.class, () -> users.delete(id));
    }

    @Test
    void badUsersAreRefusedNamingTheField() {
        var noUsername = assertThrows(
                BadRequestException.class,
                () -> users.save(UUID.randomUUID().toString(), new UserRequest(null, "No Username", null, null, null)));
        assertTrue(Problem.of(noUsername).fields().contains("username"));
        var badRole = assertThrows(
                BadRequestException.class,
                () -> users.save(UUID.randomUUID().toString(), UserRequest.of("x", "emperor")));
        assertTrue(Problem.of(badRole).fields().contains("roles[0]"));
        var badId = assertThrows(BadRequestException.class, () -> users.save("not-a-uuid", UserRequest.of("x")));
        assertTrue(Problem.of(badId).fields().contains("id"));
        assertThrows(BadRequestException.class, () -> users.list("emperor"));
    }

    @Test
    void aUsernameTakenByAnotherUserIsAConflict() {
        var username = "taken-" + UUID.randomUUID().toString().substring(0, 8);
        users.save(UUID.randomUUID().toString(), UserRequest.of(username));
        var conflict = assertThrows(
                ClientErrorException.class, () -> users.save(UUID.randomUUID().toString(), UserRequest.of(username)));
        assertEquals(409, conflict.getResponse().getStatus());
    }
}
