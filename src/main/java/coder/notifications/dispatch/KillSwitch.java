package coder.notifications.dispatch;

import coder.notifications.audit.AuditStore;
import coder.notifications.messages.MessageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The site-wide pause of all delivery ({@code notification_settings.notifier_paused}), honoured by every replica:
 * the lease query itself reads the switch, so no replica leases while it is on.
 */
@ApplicationScoped
@Transactional
public class KillSwitch {

    @Inject
    SiteSettingsStore settings;

    @Inject
    MessageStore messages;

    @Inject
    AuditStore audit;

    @Inject
    Clock clock;

    public boolean paused() {
        return settings.read().notifierPaused();
    }

    /** Sets the switch for the actor, with an audit entry in the same transaction; answers whether it changed. Resuming wakes every notifier. */
    public boolean set(boolean paused, Optional<UUID> actor) {
        // Locked, so that two operators flipping the switch at once both get a true answer about "changed".
        var changed = settings.forUpdate().pause(paused, OffsetDateTime.now(clock));
        if (changed) {
            audit.record(actor, AuditStore.SETTINGS, AuditStore.SETTINGS, state(!paused), state(paused));
        }
        if (changed && !paused) {
            messages.announce();
        }
        return changed;
    }

    private static jakarta.json.JsonObject state(boolean paused) {
        return jakarta.json.Json.createObjectBuilder()
                .add("notifier_paused", paused)
                .build();
    }
}
