package coder.notifications.messages;

import coder.notifications.audit.AuditStore;
import coder.notifications.config.NotifierSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * An owner's "send again" of a permanently failed message (the console's message view): back in the queue for one
 * more attempt, recorded in the audit in the same transaction, and every notifier woken at commit.
 */
@ApplicationScoped
public class SendAgain {

    @Inject
    MessageStore messages;

    @Inject
    AuditStore audit;

    @Inject
    NotifierSettings settings;

    /** Answers false, changing nothing, when the message is gone or no longer a permanent failure. */
    @Transactional
    public boolean message(UUID id, UUID owner) {
        var failed =
                messages.byId(id).filter(message -> message.status().equals(MessageStatus.permanent_failure.name()));
        if (failed.isEmpty() || !messages.sendAgain(id, settings.maxSendAttempts())) {
            return false;
        }
        audit.record(
                Optional.of(owner),
                AuditStore.MESSAGE,
                id.toString(),
                Json.createObjectBuilder()
                        .add("status", failed.get().status())
                        .add(
                                "status_reason",
                                Optional.ofNullable(failed.get().statusReason()).orElse(""))
                        .add("attempt_count", failed.get().attemptCount())
                        .build(),
                Json.createObjectBuilder()
                        .add("status", MessageStatus.pending.name())
                        .build());
        messages.announce();
        return true;
    }
}
