package coder.notifications.preferences;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A user's choice about one template ({@code notification_preferences}); no row means the template's default. */
@Entity
@Table(name = "notification_preferences")
@IdClass(NotificationPreference.Key.class)
public class NotificationPreference {

    /** The primary key: one choice per user and template. A class, as JPA builds it by reflection. */
    public static class Key implements Serializable {
        private UUID userId;
        private UUID templateId;

        public Key() {}

        public Key(UUID userId, UUID templateId) {
            this.userId = userId;
            this.templateId = templateId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(userId, key.userId)
                    && Objects.equals(templateId, key.templateId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, templateId);
        }
    }

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Id
    @Column(name = "notification_template_id")
    private UUID templateId;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected NotificationPreference() {}

    public NotificationPreference(UUID userId, UUID templateId, boolean disabled, OffsetDateTime now) {
        this.userId = userId;
        this.templateId = templateId;
        this.disabled = disabled;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Records the choice; {@code updated_at} moves only when it changes. */
    public void choose(boolean disabled, OffsetDateTime now) {
        if (this.disabled != disabled) {
            this.disabled = disabled;
            this.updatedAt = now;
        }
    }

    public UUID userId() {
        return userId;
    }

    public UUID templateId() {
        return templateId;
    }

    public boolean disabled() {
        return disabled;
    }

    public PreferenceView view() {
        return new PreferenceView(templateId, disabled, updatedAt.toInstant());
    }
}
