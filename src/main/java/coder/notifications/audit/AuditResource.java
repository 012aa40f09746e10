package coder.notifications.audit;

import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.Roles;
import coder.notifications.api.Uuids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The audit trail: {@code GET /api/v2/audit?resource_type=&actor_id=&before=&limit=}, newest first, for owners and
 * auditors. A full page names the cursor of the next one ({@code next_before}); no page is longer than 1000.
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final Set<String> TYPES =
            Set.of(AuditStore.SETTINGS, AuditStore.TEMPLATE, AuditStore.PREFERENCE, AuditStore.MESSAGE);

    @Inject
    AuditStore audit;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.AUDITOR})
    public Map<String, Object> list(
            @QueryParam("resource_type") String resourceType,
            @QueryParam("actor_id") String actorId,
            @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        var type = present(resourceType);
        if (type.isPresent() && !TYPES.contains(type.get())) {
            throw InvalidRequestException.field(
                    "resource_type",
                    "must be one of notifications_settings, notification_template, notification_preference, notification_message");
        }
        var filter = new AuditFilter(
                type,
                present(actorId).map(id -> Uuids.parse("actor_id", id)),
                present(before).map(id -> Uuids.parse("before", id)),
                limit(limit));
        var entries = audit.page(filter);
        var page = new LinkedHashMap<String, Object>();
        page.put("entries", entries);
        if (entries.size() == filter.limit()) {
            page.put("next_before", entries.get(entries.size() - 1).id());
        }
        return page;
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
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
