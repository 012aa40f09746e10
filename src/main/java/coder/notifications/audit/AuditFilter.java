package coder.notifications.audit;

import java.util.Optional;
import java.util.UUID;

/** Which audit entries to list: of a resource type, by an actor, older than the {@code before} entry; at most limit. */
public record AuditFilter(Optional<String> resourceType, Optional<UUID> actorId, Optional<UUID> before, int limit) {

    public static AuditFilter newest(int limit) {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }
}
