package coder.notifications.client;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code /api/v2/audit}: who changed what, newest first. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

    @GET
    Entries list(
            @QueryParam("resource_type") String resourceType,
            @QueryParam("actor_id") String actorId,
            @QueryParam("before") String before,
            @QueryParam("limit") Integer limit);

    /** A page; {@code next_before} names the cursor of the next one when this one is full. */
    record Entries(
            List<Entry> entries,
            @JsonbProperty("next_before") UUID nextBefore) {}

    record Entry(
            UUID id,
            Instant time,
            @JsonbProperty("actor_id") UUID actorId,
            String action,
            @JsonbProperty("resource_type") String resourceType,
            @JsonbProperty("resource_id") String resourceId,
            @JsonbProperty("old") JsonValue oldValue,
            @JsonbProperty("new") JsonValue newValue) {}
}
