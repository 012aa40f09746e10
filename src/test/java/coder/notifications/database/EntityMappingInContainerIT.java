package coder.notifications.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.audit.AuditFilter;
import coder.notifications.audit.AuditStore;
import coder.notifications.config.Method;
import coder.notifications.delivery.Action;
import coder.notifications.delivery.Payload;
import coder.notifications.incontainer.Deployments;
import coder.notifications.incontainer.Persistence;
import coder.notifications.incontainer.Rows;
import coder.notifications.messages.Enqueued;
import coder.notifications.messages.MessageFilter;
import coder.notifications.messages.MessageStatus;
import coder.notifications.messages.MessageStore;
import coder.notifications.messages.NewMessage;
import coder.notifications.messages.Result;
import coder.notifications.preferences.PreferenceStore;
import coder.notifications.signin.SessionStore;
import coder.notifications.templates.TemplateStore;
import coder.notifications.users.Role;
import coder.notifications.users.UserRequest;
import coder.notifications.users.UserStore;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JPA mapping checked inside the container, against the schema the service's own migrations built at start-up:
 * EclipseLink as Liberty runs it (JTA, the server's data source) maps every entity of the persistence unit; every
 * mapped column exists with a type that fits, every required column is mapped, and the stores' own queries (JPQL
 * and native) run and round-trip through the converters. Each test runs in one transaction and rolls it back.
 */
@ExtendWith(ArquillianExtension.class)
class EntityMappingInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.service(EntityMappingInContainerIT.class);
    }

    @Inject
    UserTransaction transaction;

    @Inject
    Persistence persistence;

    @Inject
    TemplateStore templates;

    @Inject
    UserStore users;

    @Inject
    MessageStore messages;

    @Inject
    PreferenceStore preferences;

    @Inject
    AuditStore audit;

    @Inject
    SessionStore sessions;

    @Resource(lookup = "jdbc/notifications")
    DataSource database;

    private EntityManager entityManager;

    @Inject
    Rows rows;

    @BeforeEach
    void begin() throws Exception {
        // The lease below must find this test's message alone.
        rows.emptyQueue();
        transaction.begin();
        entityManager = persistence.entityManager();
    }

    @AfterEach
    void rollBack() throws Exception {
        transaction.rollback();
    }

    @Test
    void everyMappedColumnExistsWithAFittingTypeAndEveryRequiredColumnIsMapped() throws Exception {
        var session = entityManager.unwrap(JpaEntityManager.class).getServerSession();
        var problems = new ArrayList<String>();
        var tables = new ArrayList<String>();
        try (var connection = database.getConnection()) {
            for (var descriptor : session.getDescriptors().values()) {
                if (descriptor.isAggregateDescriptor() || descriptor.getTables().isEmpty()) {
                    continue;
                }
                var table = descriptor.getTableName().toLowerCase();
                tables.add(table);
                var columns = columnsOf(connection, table);
                if (columns.isEmpty()) {
                    problems.add(descriptor.getJavaClass().getSimpleName() + ": no table " + table);
                    continue;
                }
                var mapped = new ArrayList<String>();
                for (var mapping : descriptor.getMappings()) {
                    for (var field : mapping.getFields()) {
                        var column = field.getName().replace("\"", "").toLowerCase();
                        mapped.add(column);
                        var type = columns.get(column);
                        var javaType = mapping.getAttributeClassification();
                        if (type == null) {
                            problems.add(table + "." + column + " is mapped but does not exist");
                        } else if (!fits(
                                type.type(),
                                javaType == null ? Object.class : javaType,
                                mapping.isAbstractDirectMapping()
                                        && ((org.eclipse.persistence.mappings.foundation.AbstractDirectMapping) mapping)
                                                        .getConverter()
                                                != null)) {
                            problems.add(table + "." + column + " is " + type.type() + " but mapped as " + javaType);
                        }
                    }
                }
                columns.forEach((column, type) -> {
                    if (type.required() && !mapped.contains(column)) {
                        problems.add(table + "." + column + " is NOT NULL without a default but not mapped");
                    }
                });
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(
                tables.containsAll(List.of(
                        "users",
                        "notification_templates",
                        "notification_preferences",
                        "notification_messages",
                        "notification_settings",
                        "audit_log",
                        "web_sessions",
                        "sign_in_attempts",
                        "inbox_notifications")),
                tables.toString());
    }

    @Test
    void everyEntityReadsTheSeededRows() {
        var all = templates.system();
        assertEquals(15, all.size());
        var deleted = templates.byIdOrName("workspace deleted").orElseThrow();
        assertEquals(UUID.fromString("f517da0b-cdc9-410f-ab89-a86107c420ed"), deleted.id());
        assertFalse(deleted.actions().isEmpty());
        assertTrue(
                deleted.actions().get(0).url().contains("{{"), deleted.actions().toString());
        assertTrue(templates.setMethod(deleted.id(), Optional.of(Method.webhook)));
        assertFalse(templates.setMethod(deleted.id(), Optional.of(Method.webhook)));
        entityManager.flush();
        entityManager.clear();
        assertEquals(
                Optional.of(Method.webhook),
                templates.byId(deleted.id()).orElseThrow().method());
    }

    @Test
    void usersPreferencesAndMessagesRoundTripThroughTheStores() {
        var id = UUID.randomUUID();
        var saved = users.save(
                id,
                new UserRequest("mapping-" + id, "Map Ping", "map@example.com", List.of("owner", "member"), "active"),
                "user-admin");
        entityManager.flush();
        entityManager.clear();
        assertEquals(saved.roles(), users.byId(id).orElseThrow().roles());
        assertEquals(
                List.of("owner", "member"),
                users.byUsername("MAPPING-" + id).orElseThrow().roles());
        assertTrue(users.list(Optional.of(Role.OWNER)).stream()
                .anyMatch(user -> user.id().equals(id)));
        assertTrue(users.activeWithAnyRole(List.of(Role.USER_ADMIN, Role.OWNER)).stream()
                .anyMatch(user -> user.id().equals(id)));

        var template = UUID.fromString("f517da0b-cdc9-410f-ab89-a86107c420ed");
        var payload = new Payload(
                Payload.VERSION,
                "Workspace Deleted",
                template,
                id,
                "map@example.com",
                "Map Ping",
                "mapping",
                List.of(new Action("Open", "https://coder.example.com/a \"b\"")),
                Map.of("name", "w\"s{x}"),
                Json.createObjectBuilder()
                        .add("n", 1)
                        .add("o", Json.createObjectBuilder().add("k", true))
                        .build(),
                List.of(UUID.randomUUID(), UUID.randomUUID()));
        var first = new NewMessage(
                UUID.randomUUID(), template, id, Method.webhook, "mapping", payload, payload.toJson(), "key-" + id);
        var twin = new NewMessage(
                UUID.randomUUID(), template, id, Method.webhook, "mapping", payload, payload.toJson(), "key-" + id);
        var outcomes = messages.enqueue(List.of(first, twin)).stream()
                .collect(java.util.stream.Collectors.toMap(Enqueued::id, outcome -> outcome));
        assertTrue(outcomes.get(first.id()).stored());
        assertTrue(outcomes.get(twin.id()).duplicate());
        var stored = entityManager.find(coder.notifications.messages.NotificationMessage.class, first.id());
        assertEquals(payload, stored.payload());
        assertEquals(payload.targets(), stored.targets());
        assertEquals(MessageStatus.pending, stored.status());
        var view = messages.list(
                new MessageFilter(Optional.of(MessageStatus.pending), Optional.of(id), Optional.of(template), 10));
        assertEquals(1, view.size());
        assertEquals("Workspace Deleted", view.get(0).notificationName());

        var leased = messages.lease("mapping", 10, Duration.ofMinutes(1), 5);
        assertEquals(1, leased.size());
        assertEquals(payload, leased.get(0).payload());
        assertEquals(1, messages.record(List.of(Result.retryable(leased.get(0), "busy")), 5, Duration.ofMinutes(1)));
        entityManager.clear();
        var failed = messages.byId(first.id()).orElseThrow();
        assertEquals("temporary_failure", failed.status());
        assertEquals(1, failed.attemptCount());
        assertTrue(failed.nextRetryAfter() != null);
        preferences.set(id, Map.of(template, true));
        assertEquals(1, messages.inhibitQueued(id, template));
        entityManager.flush();
        entityManager.clear();
        var unwanted = new NewMessage(
                UUID.randomUUID(), template, id, Method.webhook, "mapping", payload, payload.toJson(), null);
        assertTrue(messages.enqueue(List.of(unwanted)).get(0).disabled());
        assertTrue(preferences.of(id).get(0).disabled());
        assertEquals("inhibited", messages.byId(first.id()).orElseThrow().status());
    }

    @Test
    void auditEntriesAndSessionsRoundTrip() {
        var actor = UUID.randomUUID();
        audit.record(
                Optional.of(actor),
                AuditStore.TEMPLATE,
                "t",
                Json.createObjectBuilder().add("method", "").build(),
                Json.createObjectBuilder().add("method", "smtp").build());
        entityManager.flush();
        entityManager.clear();
        // An unsubscribe link's change has no actor: a null uuid.
        audit.record(
                Optional.empty(),
                AuditStore.PREFERENCE,
                "p",
                Json.createObjectBuilder().build(),
                Json.createObjectBuilder().build());
        entityManager.flush();
        entityManager.clear();
        assertEquals(
                Optional.empty(),
                Optional.ofNullable(audit.page(new AuditFilter(
                                Optional.of(AuditStore.PREFERENCE), Optional.empty(), Optional.empty(), 5))
                        .get(0)
                        .actorId()));
        var entry = audit.page(
                        new AuditFilter(Optional.of(AuditStore.TEMPLATE), Optional.of(actor), Optional.empty(), 5))
                .get(0);
        assertEquals(actor, entry.actorId());
        assertEquals("smtp", entry.newValue().asJsonObject().getString("method"));
        assertTrue(entry.time() != null);
        var id = UUID.randomUUID();
        users.save(id, new UserRequest("session-" + id, "", "", List.of(), "active"), "owner");
        var token = sessions.open(id, List.of("owner"));
        entityManager.flush();
        entityManager.clear();
        assertEquals(List.of("owner"), sessions.find(token).orElseThrow().roles());
        var link = sessions.signInLink(id, List.of("member"), Duration.ofMinutes(5));
        entityManager.flush();
        assertEquals(
                List.of("member"), sessions.takeSignInLink(link).orElseThrow().roles());
        entityManager.flush();
        assertTrue(sessions.takeSignInLink(link).isEmpty());
        // An OpenID Connect login under way names no user yet.
        sessions.openIdLogin(
                "state-" + id,
                new SessionStore.OpenIdLogin("verifier", "nonce", "/settings/notifications"),
                Duration.ofMinutes(5));
        entityManager.flush();
        entityManager.clear();
        assertEquals(
                "nonce", sessions.takeOpenIdLogin("state-" + id).orElseThrow().nonce());
    }

    private record ColumnType(String type, boolean required) {}

    private static Map<String, ColumnType> columnsOf(Connection connection, String table) throws Exception {
        var columns = new HashMap<String, ColumnType>();
        try (var statement = connection.prepareStatement("""
                SELECT column_name, udt_name, is_nullable = 'NO' AND column_default IS NULL
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?""")) {
            statement.setString(1, table);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1), new ColumnType(rows.getString(2), rows.getBoolean(3)));
                }
            }
        }
        return columns;
    }

    /** Whether a column of this PostgreSQL type can hold the attribute; converted attributes must have a converter. */
    private static boolean fits(String columnType, Class<?> attribute, boolean converted) {
        return switch (columnType) {
            case "uuid" -> attribute == UUID.class;
            case "text" -> attribute == String.class || (attribute.isEnum() && converted);
            case "bool" -> attribute == boolean.class || attribute == Boolean.class;
            case "int4" -> attribute == int.class || attribute == Integer.class;
            case "float8" -> attribute == double.class || attribute == Double.class;
            case "timestamptz" -> attribute == java.time.OffsetDateTime.class || attribute == java.time.Instant.class;
            case "bytea" -> attribute == byte[].class;
            case "_text", "_uuid", "jsonb" -> converted;
            default -> false;
        };
    }
}
