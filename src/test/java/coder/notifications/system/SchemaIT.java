package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrations build the schema of SPEC section 2 and seed the templates of section 6 with their fixed ids. */
class SchemaIT {

    static final Map<String, String> SYSTEM_TEMPLATES = new TreeMap<>(Map.ofEntries(
            Map.entry("f517da0b-cdc9-410f-ab89-a86107c420ed", "Workspace Deleted"),
            Map.entry("2faeee0f-26cb-4e96-821c-85ccb9f71513", "Workspace Manual Build Failed"),
            Map.entry("381df2a9-c0c0-4749-420f-80a9280c66f9", "Workspace Autobuild Failed"),
            Map.entry("c34a0c09-0704-4cac-bd1c-0c0146811c2b", "Workspace Updated Automatically"),
            Map.entry("0ea69165-ec14-4314-91f1-69566ac3c5a0", "Workspace Marked as Dormant"),
            Map.entry("51ce2fdf-c9ca-4be1-8d70-628674f9bc42", "Workspace Marked for Deletion"),
            Map.entry("4e19c0ac-94e1-4532-9515-d1801aa283b2", "User account created"),
            Map.entry("f44d9314-ad03-4bc8-95d0-5cad491da6b6", "User account deleted"),
            Map.entry("b02ddd82-4733-4d02-a2d7-c36f3598997d", "User account suspended"),
            Map.entry("9f5af851-8408-4e73-a7a1-c6502ba46689", "User account activated"),
            Map.entry("6a2f0609-9b69-4d36-a989-9f5925b6cbff", "Your account has been suspended"),
            Map.entry("1a6a6bea-ee0a-43e2-9e7c-eabdb53730e4", "Your account has been activated"),
            Map.entry("29a09665-2a4c-403f-9648-54301670e7be", "Template Deleted"),
            Map.entry("c425f63e-716a-4bf4-ae24-78348f706c3f", "Troubleshooting Notification")));

    @BeforeAll
    static void startService() {
        SharedService.get();
    }

    @Test
    void everyTableOfTheDataModelExists() throws Exception {
        try (var connection = TestDatabase.connect()) {
            assertEquals(
                    List.of(
                            "audit_log",
                            "inbox_notifications",
                            "notification_activity",
                            "notification_failure_reasons",
                            "notification_messages",
                            "notification_preferences",
                            "notification_settings",
                            "notification_templates",
                            "privileged_callers",
                            "sign_in_attempts",
                            "site_keys",
                            "users",
                            "web_sessions"),
                    TestDatabase.column(connection, """
                            SELECT table_name FROM information_schema.tables
                            WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' ORDER BY table_name"""));
        }
    }

    @Test
    void systemTemplatesAreSeededWithTheirFixedIds() throws Exception {
        try (var connection = TestDatabase.connect()) {
            var seeded = new TreeMap<String, String>();
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery(
                            "SELECT id, name FROM notification_templates WHERE kind = 'system'")) {
                while (result.next()) {
                    seeded.put(result.getString(1), result.getString(2));
                }
            }
            assertEquals(SYSTEM_TEMPLATES, seeded);
            assertEquals(
                    List.of("Custom Notification"),
                    TestDatabase.column(
                            connection,
                            "SELECT name FROM notification_templates WHERE id = '39b1e189-c857-4b0c-877a-511144c18516' AND kind = 'custom'"));
            assertEquals(
                    List.of("t"),
                    TestDatabase.column(
                            connection,
                            "SELECT bool_and(enabled_by_default AND method IS NULL) FROM notification_templates"));
        }
    }

    @Test
    void theNotifierStartsUnpaused() throws Exception {
        try (var connection = TestDatabase.connect()) {
            assertEquals(
                    List.of("f"), TestDatabase.column(connection, "SELECT notifier_paused FROM notification_settings"));
        }
    }
}
