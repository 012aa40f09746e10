package coder.notifications.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The one row of site-wide notifier settings; the kill switch is its {@code notifier_paused}. */
@Entity
@Table(name = "notification_settings")
public class SiteSettings {

    @Id
    private Boolean id;

    @Column(name = "notifier_paused", nullable = false)
    private boolean notifierPaused;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected SiteSettings() {}

    public boolean notifierPaused() {
        return notifierPaused;
    }

    /** Sets the switch; answers whether it changed. */
    public boolean pause(boolean paused, OffsetDateTime now) {
        if (notifierPaused == paused) {
            return false;
        }
        notifierPaused = paused;
        updatedAt = now;
        return true;
    }
}
