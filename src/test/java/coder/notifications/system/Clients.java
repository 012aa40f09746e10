package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coder.notifications.client.EventsApi.Enqueued;
import coder.notifications.client.MessagesApi;
import coder.notifications.client.MessagesApi.Message;
import coder.notifications.client.Problem;
import coder.notifications.client.SettingsApi;
import coder.notifications.client.UsersApi;
import coder.notifications.client.UsersApi.UserRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.function.Executable;
import org.microshed.testing.jaxrs.RestClientBuilder;

/**
 * The typed API of the shared service as the {@code @MicroShedTest} classes share it: clients for callers other
 * than the owner of their {@code @RESTClient} fields (a member, a notifier, no one), and the steps several of them
 * take. Call it from a {@code @MicroShedTest} class, which has pointed MicroShed at the service.
 */
final class Clients {

    private Clients() {}

    /** The API as the bearer of this token (see {@link Api#token}). */
    static <T> T as(String token, Class<T> api) {
        return new RestClientBuilder().withJwt(token).build(api);
    }

    /** The API without credentials. */
    static <T> T anonymous(Class<T> api) {
        return new RestClientBuilder().build(api);
    }

    /** Creates a user with a fresh id, username and email; answers the id. */
    static UUID user(UsersApi users, String name, String... roles) {
        var id = UUID.randomUUID();
        var username = "u" + id.toString().substring(0, 8);
        users.save(id.toString(), new UserRequest(username, name, username + "@example.com", List.of(roles), null));
        return id;
    }

    /** The answer of an event, checked to be 202 Accepted. */
    static Enqueued accepted(Response answer) {
        assertEquals(202, answer.getStatus(), () -> "an event is answered 202: " + answer.readEntity(String.class));
        return answer.readEntity(Enqueued.class);
    }

    /** Waits (polling, with a deadline) until the message reaches the status, and answers it. */
    static Message awaitStatus(MessagesApi messages, UUID id, String status, Duration patience) {
        var last = new AtomicReference<Message>();
        boolean reached;
        try {
            reached = Api.eventually(patience, () -> {
                last.set(messages.find(id.toString()));
                return status.equals(last.get().status());
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (!reached) {
            throw new AssertionError("message " + id + " is " + last.get() + ", expected status " + status);
        }
        return last.get();
    }

    /** Checks the status of an answer read as is (a method declared to return {@code Response}), and closes it. */
    static void assertAnswered(int status, Response answer) {
        try (answer) {
            assertEquals(status, answer.getStatus());
        }
    }

    /** Checks that the call is refused with 400 and that the first validation names the field. */
    static void assertRefusedNaming(String field, Executable call) {
        var fields = Problem.of(assertThrows(BadRequestException.class, call)).fields();
        assertEquals(field, fields.isEmpty() ? null : fields.get(0), () -> "the refusal names " + fields);
    }

    /** Pauses or resumes the notifier; 200 or, when it already was so, 304. */
    static void pause(SettingsApi settings, boolean paused) {
        try (var answer = settings.put(new SettingsApi.Settings(paused))) {
            if (answer.getStatus() != 200 && answer.getStatus() != 304) {
                throw new AssertionError("the kill switch answered " + answer.getStatus());
            }
        }
    }
}
