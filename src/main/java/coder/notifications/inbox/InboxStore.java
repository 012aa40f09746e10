package coder.notifications.inbox;

import coder.notifications.database.PgTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Owns {@code inbox_notifications}: the idempotent write of a delivery, the owner's pages, read marks, the purge. */
@ApplicationScoped
@Transactional
public class InboxStore {

    /** The channel on which a delivery announces its new items to the watchers of every replica (LISTEN/NOTIFY). */
    public static final String CHANNEL = "inbox_notifications_delivered";

    /** Items per page of the list, as in Coder. */
    static final int PAGE = 25;

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    @Inject
    Clock clock;

    /**
     * Stores the items of inbox messages in one statement, each keyed by its message's id, except those already
     * there (a redelivery after an expired lease); answers the ids stored now. Native for {@code ON CONFLICT}; one
     * array per column, so the statement is the same whatever the number of items.
     */
    public Set<UUID> writeAll(List<NewItem> items) {
        @SuppressWarnings("unchecked")
        List<Object> ids = entityManager
                .createNativeQuery("""
                        INSERT INTO inbox_notifications
                            (id, user_id, template_id, targets, title, content, actions, created_at)
                        SELECT n.id, n.user_id, n.template_id, CAST(n.targets AS uuid[]), n.title, n.content,
                               CAST(n.actions AS jsonb), now()
                        FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS uuid[]), CAST(?3 AS uuid[]), CAST(?4 AS text[]),
                                    CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]))
                            AS n (id, user_id, template_id, targets, title, content, actions)
                        ORDER BY n.id
                        ON CONFLICT (id) DO NOTHING
                        RETURNING id""")
                .setParameter(1, column(items, item -> item.id().toString()))
                .setParameter(2, column(items, item -> item.userId().toString()))
                .setParameter(3, column(items, item -> item.templateId().toString()))
                .setParameter(
                        4,
                        column(
                                items,
                                item -> item.targets().stream()
                                        .map(UUID::toString)
                                        .collect(Collectors.joining(",", "{", "}"))))
                .setParameter(5, column(items, NewItem::title))
                .setParameter(6, column(items, NewItem::content))
                .setParameter(7, column(items, item -> JSON.toJson(item.actions())))
                .getResultList();
        return ids.stream().map(id -> UUID.fromString(id.toString())).collect(Collectors.toSet());
    }

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    /**
     * One page of the user's items, newest first, after the query's {@code starting_before} item. Native: a row
     * comparison on {@code (created_at, id)} walks the index (user_id, created_at, id) where JPQL has none.
     */
    public List<InboxNotification> page(UUID userId, InboxQuery query) {
        var sql = new StringBuilder("SELECT i.* FROM inbox_notifications i WHERE i.user_id = ?");
        var parameters = new ArrayList<Object>();
        parameters.add(userId);
        if (!query.targets().isEmpty()) {
            sql.append(" AND i.targets @> ?");
            parameters.add(PgTypes.uuidArray(query.targets()));
        }
        if (!query.templates().isEmpty()) {
            sql.append(" AND i.template_id = ANY (?)");
            parameters.add(PgTypes.uuidArray(query.templates()));
        }
        switch (query.readStatus()) {
            case read -> sql.append(" AND i.read_at IS NOT NULL");
            case unread -> sql.append(" AND i.read_at IS NULL");
            case all -> {}
        }
        query.startingBefore().ifPresent(last -> {
            sql.append(" AND (i.created_at, i.id) < (SELECT c.created_at, c.id FROM inbox_notifications c"
                    + " WHERE c.id = ? AND c.user_id = i.user_id)");
            parameters.add(last);
        });
        sql.append(" ORDER BY i.created_at DESC, i.id DESC LIMIT ").append(PAGE);
        var statement = entityManager.createNativeQuery(sql.toString(), InboxNotification.class);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<InboxNotification> items = statement.getResultList();
        return items;
    }

    /** Whether the user has this item (the {@code starting_before} of a list must be one). */
    public boolean owns(UUID userId, UUID id) {
        return find(userId, id).isPresent();
    }

    /** All unread items of the user, whatever any filter says. Counted on the index (user_id, read_at). */
    public long unreadCount(UUID userId) {
        return entityManager
                .createQuery(
                        "SELECT COUNT(i) FROM InboxNotification i WHERE i.userId = :user AND i.readAt IS NULL",
                        Long.class)
                .setParameter("user", userId)
                .getSingleResult();
    }

    /** Marks one of the user's items read or unread; empty when the user has no such item. */
    public Optional<InboxNotification> markRead(UUID userId, UUID id, boolean read) {
        var item = find(userId, id);
        item.ifPresent(found -> found.markRead(read, OffsetDateTime.now(clock)));
        return item;
    }

    /** Marks every unread item of the user read, now. */
    public void markAllRead(UUID userId) {
        entityManager
                .createQuery(
                        "UPDATE InboxNotification i SET i.readAt = :now WHERE i.userId = :user AND i.readAt IS NULL")
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("user", userId)
                .executeUpdate();
    }

    /** The items with these ids that still exist. */
    public List<InboxNotification> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager
                .createQuery("SELECT i FROM InboxNotification i WHERE i.id IN :ids", InboxNotification.class)
                .setParameter("ids", List.copyOf(ids))
                .getResultList();
    }

    /** Deletes up to {@code limit} items older than the retention period; answers how many. */
    public int purge(Duration retention, int limit) {
        // As the messages' purge (MessageStore.purge): one replica at a time, in bounded batches.
        var mine = (Boolean) entityManager
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('inbox_notifications retention'))")
                .getSingleResult();
        if (!mine) {
            return 0;
        }
        return entityManager
                .createNativeQuery("""
                        DELETE FROM inbox_notifications
                        WHERE id IN (SELECT id FROM inbox_notifications
                                     WHERE created_at < now() - ?1 * interval '1 millisecond' LIMIT ?2)""")
                .setParameter(1, retention.toMillis())
                .setParameter(2, limit)
                .executeUpdate();
    }

    /** Sends one NOTIFY on {@link #CHANNEL}, delivered at commit to every listening replica. */
    public void announce(String payload) {
        entityManager
                .createNativeQuery("SELECT pg_notify('" + CHANNEL + "', ?1)")
                .setParameter(1, payload)
                .getSingleResult();
    }

    private Optional<InboxNotification> find(UUID userId, UUID id) {
        return Optional.ofNullable(entityManager.find(InboxNotification.class, id))
                .filter(item -> item.userId().equals(userId));
    }
}
