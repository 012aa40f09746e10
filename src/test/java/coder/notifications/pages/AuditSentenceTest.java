package coder.notifications.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coder.notifications.audit.AuditEntry;
import coder.notifications.audit.AuditStore;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditSentenceTest {

    private static final UUID ADA = UUID.randomUUID();
    private static final UUID DANNY = UUID.randomUUID();
    private static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";
    private static final Map<UUID, String> PEOPLE = Map.of(ADA, "Ada", DANNY, "Danny");

    private static AuditSentence said(UUID actor, String type, String resource, JsonValue changed) {
        var entry = new AuditEntry(
                UUID.randomUUID(), Instant.now(), actor, "write", type, resource, JsonValue.EMPTY_JSON_OBJECT, changed);
        return AuditSentence.of(
                entry,
                id -> PEOPLE.getOrDefault(id, id.toString()),
                id -> id.equals(WORKSPACE_DELETED) ? "Workspace Deleted" : id);
    }

    @Test
    void theKillSwitch() {
        var paused = said(
                ADA,
                AuditStore.SETTINGS,
                AuditStore.SETTINGS,
                Json.createObjectBuilder().add("notifier_paused", true).build());
        assertEquals(new AuditSentence("Paused delivery", "Ada paused delivery"), paused);
        var resumed = said(
                ADA,
                AuditStore.SETTINGS,
                AuditStore.SETTINGS,
                Json.createObjectBuilder().add("notifier_paused", false).build());
        assertEquals("Ada resumed delivery", resumed.sentence());
    }

    @Test
    void aTemplatesMethodInPeoplesWords() {
        assertEquals(
                "Ada set Workspace Deleted to email",
                said(
                                ADA,
                                AuditStore.TEMPLATE,
                                WORKSPACE_DELETED,
                                Json.createObjectBuilder().add("method", "smtp").build())
                        .sentence());
        assertEquals(
                "Ada set Workspace Deleted to the deployment default",
                said(
                                ADA,
                                AuditStore.TEMPLATE,
                                WORKSPACE_DELETED,
                                Json.createObjectBuilder().add("method", "").build())
                        .sentence());
    }

    @Test
    void preferencesOfSomeoneElseOfOneselfAndByAnUnsubscribeLink() {
        var off = Json.createObjectBuilder().add(WORKSPACE_DELETED, true).build();
        assertEquals(
                "Ada turned off Workspace Deleted for Danny",
                said(ADA, AuditStore.PREFERENCE, DANNY.toString(), off).sentence());
        assertEquals(
                "Danny turned off Workspace Deleted",
                said(DANNY, AuditStore.PREFERENCE, DANNY.toString(), off).sentence());
        assertEquals(
                "Danny turned on Workspace Deleted with an unsubscribe link",
                said(
                                null,
                                AuditStore.PREFERENCE,
                                DANNY.toString(),
                                Json.createObjectBuilder()
                                        .add(WORKSPACE_DELETED, false)
                                        .build())
                        .sentence());
    }
}
