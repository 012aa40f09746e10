package coder.notifications.audit;

import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The audit trail: {@code GET /api/v2/audit?resource_type=&limit=}, newest first, for owners and auditors. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final Set<String> TYPES = Set.of(AuditStore.SETTINGS, AuditStore.TEMPLATE, AuditStore.PREFERENCE);

    @Inject
    AuditStore audit;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.AUDITOR})
    public Map<String, List<AuditEntry>> list(
            @QueryParam("resource_type") String resourceType, @QueryParam("limit") String limit) {
        var type = Optional.ofNullable(resourceType).filter(value -> !value.isBlank());
        if (type.isPresent() && !TYPES.contains(type.get())) {
            throw InvalidRequestException.field(
                    "resource_type",
                    "must be one of notifications_settings, notification_template, notification_preference");
        }
        return Map.of("entries", audit.newest(type, limit(limit)));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 100;
        }
        try {
            var limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidRequestException.field("limit", "must be a whole number from 1 to 1000");
    }
}
