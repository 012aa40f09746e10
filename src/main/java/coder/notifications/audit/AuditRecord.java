package coder.notifications.audit;

import coder.notifications.database.JsonConverter;
import coder.notifications.database.NullableUuidConverter;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of {@code audit_log}: a change, who made it, and the state before and after. */
@Entity
@Table(name = "audit_log")
public class AuditRecord {

    @Id
    private UUID id;

    /** Set by the database when the row is inserted: the time of the transaction that made the change. */
    @Column(insertable = false, updatable = false)
    private OffsetDateTime time;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "actor_id")
    private UUID actorId;

    @Column(nullable = false)
    private String action;

    @Column(name = "resource_type", nullable = false)
    private String resourceType;

    @Column(name = "resource_id", nullable = false)
    private String resourceId;

    @Convert(converter = JsonConverter.class)
    @Column(name = "old", nullable = false)
    private JsonValue oldValue;

    @Convert(converter = JsonConverter.class)
    @Column(name = "new", nullable = false)
    private JsonValue newValue;

    protected AuditRecord() {}

    AuditRecord(UUID actorId, String resourceType, String resourceId, JsonValue oldValue, JsonValue newValue) {
        this.id = UUID.randomUUID();
        this.actorId = actorId;
        this.action = "write";
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    AuditEntry entry() {
        return new AuditEntry(
                id,
                time == null ? null : time.toInstant(),
                actorId,
                action,
                resourceType,
                resourceId,
                oldValue,
                newValue);
    }
}
