package coder.notifications.dispatch;

import coder.notifications.audit.AuditLog;
import coder.notifications.messages.MessageStore;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The site-wide pause of all delivery ({@code notification_settings.notifier_paused}), honoured by every replica:
 * the lease query itself reads the switch, so no replica leases while it is on.
 */
@ApplicationScoped
@Transactional
public class KillSwitch {

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    @Inject
    MessageStore messages;
    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public boolean paused() {
        return settings(LockModeType.NONE).notifierPaused();
    }

    /** Sets the switch for the actor, with an audit entry in the same transaction; answers whether it changed. Resuming wakes every notifier. */
    public boolean set(boolean paused, Optional<UUID> actor) {
        // Locked, so that two operators flipping the switch at once both get a true answer about "changed".
        var changed = settings(LockModeType.PESSIMISTIC_WRITE).pause(paused, OffsetDateTime.now(clock));
        if (changed) {
            audit.record(actor, AuditLog.SETTINGS, AuditLog.SETTINGS, state(!paused), state(paused));
        }
        if (changed && !paused) {
            messages.announce();
        }
        return changed;
    }

    private static jakarta.json.JsonObject state(boolean paused) {
        return jakarta.json.Json.createObjectBuilder().add("notifier_paused", paused).build();
    }

    private SiteSettings settings(LockModeType lock) {
        return entityManager.find(SiteSettings.class, Boolean.TRUE, lock);
    }
}
