package coder.notifications.templates;

import coder.notifications.api.NotFoundException;
import coder.notifications.api.Refusal;
import coder.notifications.audit.AuditStore;
import coder.notifications.config.Method;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Changes a template's delivery method for an actor, with its audit entry, in one transaction. */
@ApplicationScoped
public class TemplateMethods {

    @Inject
    TemplateStore templates;

    @Inject
    Event<TemplatesChanged> changed;

    @Inject
    AuditStore audit;

    /** Sets the method (empty: the deployment default); answers whether anything changed. */
    @Transactional(dontRollbackOn = Refusal.class)
    public boolean change(UUID templateId, Optional<Method> method, Optional<UUID> actor) {
        var before = templates
                .byId(templateId)
                .orElseThrow(() -> new NotFoundException("No template with id " + templateId + "."));
        if (!templates.setMethod(templateId, method)) {
            return false;
        }
        // The cache forgets its copy once this commits: forgotten now, it could be read again before the commit.
        changed.fire(new TemplatesChanged());
        audit.record(
                actor,
                AuditStore.TEMPLATE,
                templateId.toString(),
                Json.createObjectBuilder()
                        .add("method", before.method().map(Method::name).orElse(""))
                        .build(),
                Json.createObjectBuilder()
                        .add("method", method.map(Method::name).orElse(""))
                        .build());
        return true;
    }
}
