package coder.notifications.templates;

import coder.notifications.database.NativeRows;
import coder.notifications.delivery.Method;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Owns {@code notification_templates}: reads them, and sets the delivery method of one. */
@ApplicationScoped
@Transactional
public class TemplateStore {

    private static final String COLUMNS = """
            id, name, title_template, body_template, actions::text, "group", method, kind, enabled_by_default, audience,
            description""";

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    public Optional<Template> byId(UUID id) {
        return first(entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM notification_templates WHERE id = ?1")
                .setParameter(1, id).getResultList());
    }

    /** A template named by its id or, case-insensitively, by its name. */
    public Optional<Template> byIdOrName(String reference) {
        if (coder.notifications.api.Uuids.isUuid(reference)) {
            return byId(UUID.fromString(reference));
        }
        return first(entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM notification_templates WHERE lower(name) = lower(?1)")
                .setParameter(1, reference).getResultList());
    }

    public List<Template> byIds(Collection<UUID> ids) {
        return NativeRows.of(entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM notification_templates WHERE id = ANY(CAST(?1 AS uuid[]))")
                .setParameter(1, coder.notifications.database.SqlArrays.literal(ids)).getResultList())
                .stream().map(TemplateStore::template).toList();
    }

    /** Every template, system and custom, by name (the {@code templates/system} listing shows them all). */
    public List<Template> system() {
        return NativeRows.of(entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM notification_templates ORDER BY name")
                .getResultList()).stream().map(TemplateStore::template).toList();
    }

    /** Sets the method; answers whether anything changed. */
    public boolean setMethod(UUID id, Optional<Method> method) {
        return entityManager.createNativeQuery("""
                        UPDATE notification_templates SET method = ?2 WHERE id = ?1 AND method IS DISTINCT FROM ?2""")
                .setParameter(1, id).setParameter(2, method.map(Method::name).orElse(null))
                .executeUpdate() > 0;
    }

    private static Optional<Template> first(List<?> rows) {
        return NativeRows.of(rows).stream().findFirst().map(TemplateStore::template);
    }


    private static Template template(Object[] row) {
        return new Template((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], Optional.ofNullable((String) row[6]).flatMap(Method::named), (String) row[7],
                (Boolean) row[8], Audience.named((String) row[9]), (String) row[10]);
    }
}
