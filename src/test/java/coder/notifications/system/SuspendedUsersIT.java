package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.client.CallerNotificationsApi;
import coder.notifications.client.CallerNotificationsApi.Custom;
import coder.notifications.client.Problem;
import coder.notifications.client.SettingsApi;
import coder.notifications.client.UsersApi;
import coder.notifications.client.UsersApi.UserRequest;
import coder.notifications.security.EvaluationKeys;
import jakarta.ws.rs.ForbiddenException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.jwt.JwtConfig;

/** A token whose sub is a suspended directory user gets 403; systems not in the directory are not affected. */
@MicroShedTest
public class SuspendedUsersIT {

    @RESTClient
    @JwtConfig(
            subject = SharedServiceEnvironment.OWNER,
            issuer = EvaluationKeys.ISSUER,
            claims = SharedServiceEnvironment.OWNER_GROUPS)
    public static UsersApi users;

    @Test
    void aSuspendedUsersValidTokenGets403() {
        var id = Clients.user(users, "Sue Spended", "member");
        var token = Api.token(id, "member");
        var member = Clients.as(token, UsersApi.class);
        assertEquals(id, member.find("me").id());
        var username = "sue-" + id.toString().substring(0, 6);
        users.save(id.toString(), new UserRequest(username, null, null, List.of("member"), "suspended"));
        var refused = assertThrows(ForbiddenException.class, () -> member.find("me"));
        var message = Problem.of(refused).message();
        assertTrue(message.contains("suspended"), message);
        Clients.assertAnswered(
                403, Clients.as(token, CallerNotificationsApi.class).custom(Custom.of("t", "m")));
        users.save(id.toString(), new UserRequest(username, null, null, List.of("member"), "active"));
        assertEquals(id, member.find("me").id());
    }

    @Test
    void aSystemWhoseSubIsNotInTheDirectoryIsNotAffected() {
        var notifier = Clients.as(Api.token(UUID.randomUUID(), "notifier"), SettingsApi.class);
        assertNotNull(notifier.get(), "the notifier reads the settings");
    }
}
