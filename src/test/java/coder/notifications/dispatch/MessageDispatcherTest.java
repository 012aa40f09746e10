package coder.notifications.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.config.Method;
import coder.notifications.messages.LeasedMessage;
import coder.notifications.messages.Result;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A message that cannot be sent fails on its own, with a reason, instead of throwing into its batch. */
class MessageDispatcherTest {

    private final MessageDispatcher dispatcher = new MessageDispatcher();

    @Test
    void aPayloadThatCannotBeReadIsAPermanentFailureNamingTheProblem() {
        var message = leased("{\"data\": {\"a\": 1" + "0".repeat(1200) + "}}");
        assertTrue(message.unreadable().isPresent(), "the lease's row mapping does not throw");

        var result = dispatcher.dispatch(message, null, Duration.ofSeconds(1));

        assertEquals(Result.Kind.PERMANENT, result.kind());
        assertTrue(result.reason().startsWith("cannot read the stored payload: "), result.reason());
    }

    @Test
    void aPayloadThatIsNotAnObjectIsAPermanentFailure() {
        var result = dispatcher.dispatch(leased("[1, 2]"), null, Duration.ofSeconds(1));

        assertEquals(Result.Kind.PERMANENT, result.kind());
        assertTrue(result.reason().startsWith("cannot read the stored payload"), result.reason());
    }

    @Test
    void aMessageWhoseTemplateIsGoneIsAPermanentFailure() {
        var message = leased("{}");

        var result = dispatcher.dispatch(message, null, Duration.ofSeconds(1));

        assertEquals(Result.Kind.PERMANENT, result.kind());
        assertEquals("its template " + message.templateId() + " no longer exists", result.reason());
    }

    private static LeasedMessage leased(String payload) {
        return new LeasedMessage(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Method.webhook.name(),
                payload,
                0,
                false,
                0.0,
                UUID.randomUUID());
    }
}
