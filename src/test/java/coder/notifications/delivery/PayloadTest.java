package coder.notifications.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The payload's two writers (JSON-B, the streaming writer of webhook documents) and two readers agree exactly. */
class PayloadTest {

    @Test
    void theStreamingWriterWritesWhatJsonBWrites() {
        var full = full();
        var sparse = new Payload(
                Payload.VERSION,
                "Custom",
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                null,
                "u",
                List.of(),
                Map.of(),
                Json.createObjectBuilder().build(),
                List.of());
        for (var payload : List.of(full, sparse)) {
            assertEquals(payload.toJson(), streamed(payload));
        }
    }

    @Test
    void theHandWrittenReaderReadsWhatJsonBReads() {
        var jsonb = JsonbBuilder.create();
        var full = full();
        var documents = List.of(full.toJson(), "{}", """
                {"_version": "1.1", "user_email": null, "labels": {}, "actions": [], "targets": [], "data": {}}""", """
                {"notification_name": "Custom", "user_id": null, "actions": null, "labels": null, "data": null}""");
        for (var document : documents) {
            assertEquals(jsonb.fromJson(document, Payload.class), Payload.fromJson(document), document);
        }
        assertEquals(full, Payload.fromJson(full.toJson()), "a stored payload reads back as it was built");
    }

    @Test
    void labelsAreKeptInJsonbOrderShorterKeysFirst() {
        var payload = Payload.fromJson("""
                {"labels": {"reason": "r", "name": "n", "initiator": "i", "ab": "x", "aa": "y"}}""");
        assertEquals(
                List.of("aa", "ab", "name", "reason", "initiator"),
                List.copyOf(payload.labels().keySet()));
    }

    /** A payload with every member set, text that needs escaping, an action without a URL and nested data. */
    private static Payload full() {
        var labels = new LinkedHashMap<String, String>();
        labels.put("reason", "initiated by \"user\"");
        labels.put("name", "my-workspace");
        labels.put("initiator", "dänny");
        return new Payload(
                Payload.VERSION,
                "Workspace Deleted",
                UUID.randomUUID(),
                UUID.randomUUID(),
                "danny@example.com",
                "Danny \"D\" Ünal",
                "danny",
                List.of(new Action("View workspaces", "https://coder.example.com/workspaces"), new Action("b", null)),
                labels,
                Json.createObjectBuilder()
                        .add("n", 1)
                        .add("s", "x")
                        .add(
                                "nested",
                                Json.createObjectBuilder()
                                        .add("a", Json.createArrayBuilder().add(true)))
                        .build(),
                List.of(UUID.randomUUID(), UUID.randomUUID()));
    }

    private static String streamed(Payload payload) {
        var out = new StringWriter();
        try (var json = Json.createGenerator(out)) {
            json.writeStartObject();
            payload.writeMembers(json);
            json.writeEnd();
        }
        return out.toString();
    }
}
