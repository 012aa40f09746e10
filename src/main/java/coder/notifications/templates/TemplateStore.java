package coder.notifications.templates;

import coder.notifications.api.Uuids;
import coder.notifications.config.Method;
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

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    public Optional<Template> byId(UUID id) {
        return Optional.ofNullable(entityManager.find(NotificationTemplate.class, id))
                .map(NotificationTemplate::template);
    }

    /** A template named by its id or, case-insensitively, by its name. */
    public Optional<Template> byIdOrName(String reference) {
        if (Uuids.isUuid(reference)) {
            return byId(UUID.fromString(reference));
        }
        return entityManager
                .createQuery(
                        "SELECT t FROM NotificationTemplate t WHERE LOWER(t.name) = LOWER(:name)",
                        NotificationTemplate.class)
                .setParameter("name", reference)
                .getResultStream()
                .findFirst()
                .map(NotificationTemplate::template);
    }

    public List<Template> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager
                .createQuery("SELECT t FROM NotificationTemplate t WHERE t.id IN :ids", NotificationTemplate.class)
                .setParameter("ids", List.copyOf(ids))
                .getResultStream()
                .map(NotificationTemplate::template)
                .toList();
    }

    /** Every template, system and custom, by name (the {@code templates/system} listing shows them all). */
    public List<Template> system() {
        return entityManager
                .createQuery("SELECT t FROM NotificationTemplate t ORDER BY t.name", NotificationTemplate.class)
                .getResultStream()
                .map(NotificationTemplate::template)
                .toList();
    }

    /** Sets the method; answers whether anything changed. */
    public boolean setMethod(UUID id, Optional<Method> method) {
        var template =
                entityManager.find(NotificationTemplate.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return template != null && template.deliverBy(method);
    }
}
