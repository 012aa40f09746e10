package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coder.notifications.delivery.Notification;
import coder.notifications.delivery.Payload;
import coder.notifications.delivery.smtp.EmailPreview;
import coder.notifications.templates.TemplateRenderer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every template's rendering, compared with checked-in files, so that any change of wording is a reviewed
 * diff: the webhook document and both parts of the email. Regenerate with {@code -Dgolden.update=true}.
 */
class TemplateGoldenIT {

    static final Path GOLDEN = Path.of("src/test/resources/golden");

    static final Map<String, Map<String, String>> LABELS = Map.ofEntries(
            Map.entry(
                    "Workspace Deleted",
                    Map.of("name", "my-workspace", "reason", "initiated by user", "initiator", "danny")),
            Map.entry(
                    "Workspace Manual Build Failed",
                    Map.of(
                            "name",
                            "my-workspace",
                            "template_name",
                            "docker",
                            "template_version_name",
                            "v1.2",
                            "initiator",
                            "bobby",
                            "workspace_owner_username",
                            "danny",
                            "workspace_build_number",
                            "3")),
            Map.entry("Workspace Autobuild Failed", Map.of("name", "my-workspace", "reason", "autostart")),
            Map.entry(
                    "Workspace Updated Automatically",
                    Map.of(
                            "name",
                            "my-workspace",
                            "template_version_name",
                            "v2",
                            "template_version_message",
                            "security fixes")),
            Map.entry(
                    "Workspace Marked as Dormant",
                    Map.of(
                            "name",
                            "my-workspace",
                            "reason",
                            "breached the template's threshold for inactivity",
                            "timeTilDormant",
                            "24 hours")),
            Map.entry(
                    "Workspace Marked for Deletion",
                    Map.of(
                            "name",
                            "my-workspace",
                            "reason",
                            "template updated to new dormancy policy",
                            "timeTilDormant",
                            "24 hours")),
            Map.entry(
                    "User account created",
                    Map.of(
                            "created_account_name",
                            "bobby",
                            "created_account_user_name",
                            "Bobby Jones",
                            "initiator",
                            "danny")),
            Map.entry(
                    "User account deleted",
                    Map.of(
                            "deleted_account_name",
                            "bobby",
                            "deleted_account_user_name",
                            "Bobby Jones",
                            "initiator",
                            "danny")),
            Map.entry(
                    "User account suspended",
                    Map.of(
                            "suspended_account_name",
                            "bobby",
                            "suspended_account_user_name",
                            "Bobby Jones",
                            "initiator",
                            "danny")),
            Map.entry(
                    "User account activated",
                    Map.of(
                            "activated_account_name",
                            "bobby",
                            "activated_account_user_name",
                            "Bobby Jones",
                            "initiator",
                            "danny")),
            Map.entry(
                    "Your account has been suspended", Map.of("suspended_account_name", "bobby", "initiator", "danny")),
            Map.entry(
                    "Your account has been activated", Map.of("activated_account_name", "bobby", "initiator", "danny")),
            Map.entry("Template Deleted", Map.of("name", "docker", "initiator", "danny")),
            Map.entry("Troubleshooting Notification", Map.of()),
            Map.entry(
                    "Custom Notification",
                    Map.of("custom_title", "Deploy finished", "custom_message", "The **release** is out.")));

    @Test
    void everyTemplateRendersAsCheckedIn() throws Exception {
        var api = new Api(SharedService.get());
        var user = UUID.randomUUID();
        var username = "golden-" + user.toString().substring(0, 8);
        api.request()
                .body(Map.of("username", username, "name", "Danny Golden", "email", "danny.golden@example.com"))
                .put("/users/" + user)
                .then()
                .statusCode(200);
        for (var template : LABELS.keySet()) {
            api.event(Map.of(
                            "template",
                            template,
                            "recipients",
                            List.of(user.toString()),
                            "labels",
                            LABELS.get(template)))
                    .then()
                    .statusCode(202);
        }
        var documents = SharedService.RECEIVER.awaitDelivered(user, LABELS.size(), Duration.ofSeconds(60));
        var renderer = new TemplateRenderer();
        var differences = new ArrayList<String>();
        for (var document : documents) {
            var name = document.getJsonObject("payload").getString("notification_name");
            var slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
            var payload = document.getJsonObject("payload");
            var notification = new Notification(
                    UUID.fromString(document.getString("msg_id")),
                    Payload.fromJson(payload.toString()),
                    document.getString("title_markdown"),
                    document.getString("title"),
                    document.getString("body_markdown"),
                    document.getString("body"),
                    renderer.html(document.getString("body_markdown")),
                    SharedService.PUBLIC_URL + "/settings/notifications",
                    payload.getString("unsubscribe_url"));
            compare(slug + ".webhook.json", normalize(pretty(document), document, user, username), differences);
            compare(
                    slug + ".email.txt",
                    normalize(EmailPreview.text(notification), document, user, username),
                    differences);
            compare(
                    slug + ".email.html",
                    normalize(EmailPreview.html(notification), document, user, username),
                    differences);
        }
        assertEquals(
                List.of(),
                differences,
                "rendering differs from src/test/resources/golden (regenerate with -Dgolden.update=true)");
    }

    private static String normalize(String text, JsonObject document, UUID user, String username) {
        // The pages' address has the suite's port in it, and each unsubscribe token its own expiry and signature.
        return text.replace(SharedService.PUBLIC_URL, "https://notifications.example.com")
                .replaceAll("token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+", "token=TOKEN")
                .replace(document.getString("msg_id"), "00000000-0000-0000-0000-00000000msg0")
                .replace(user.toString(), "00000000-0000-0000-0000-0000000user0")
                .replace(username, "golden-user");
    }

    private static void compare(String file, String actual, List<String> differences) throws Exception {
        var path = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(path, actual);
            return;
        }
        if (!Files.exists(path) || !Files.readString(path).equals(actual)) {
            Files.createDirectories(Path.of("target/golden-actual"));
            Files.writeString(Path.of("target/golden-actual", file), actual);
            differences.add(file);
        }
    }

    private static String pretty(JsonObject document) {
        var writer = new StringWriter();
        try (var json = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(writer)) {
            json.writeObject(document);
        }
        return writer.toString().strip() + "\n";
    }
}
