package coder.notifications.audit;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.UUID;

/** One change as the audit API shows it: who (null for an unsubscribe link), when, what, before and after. */
public record AuditEntry(
        UUID id,
        Instant time,
        UUID actorId,
        String action,
        String resourceType,
        String resourceId,
        @JsonbProperty("old") JsonValue oldValue,
        @JsonbProperty("new") JsonValue newValue) {}
