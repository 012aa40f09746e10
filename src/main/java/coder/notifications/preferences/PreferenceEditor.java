package coder.notifications.preferences;

import coder.notifications.api.ApiError;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.Refusal;
import coder.notifications.api.Uuids;
import coder.notifications.audit.AuditStore;
import coder.notifications.messages.MessageStore;
import coder.notifications.templates.Template;
import coder.notifications.templates.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies {@code {"template_disabled_map": {"<template id>": true}}} to a user's preferences in one transaction:
 * every key must name a known template and every value be a boolean, or nothing changes.
 */
@ApplicationScoped
public class PreferenceEditor {

    @Inject
    PreferenceStore preferences;

    @Inject
    TemplateStore templates;

    @Inject
    AuditStore audit;

    @Inject
    MessageStore messages;

    @Transactional(dontRollbackOn = Refusal.class)
    public List<PreferenceView> change(UUID userId, JsonObject body, Optional<UUID> actor) {
        var map = body.get("template_disabled_map");
        if (map == null || map.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidRequestException.field(
                    "template_disabled_map", "is required: an object of template id to true or false");
        }
        var ids = map.asJsonObject().keySet().stream()
                .filter(Uuids::isUuid)
                .map(UUID::fromString)
                .toList();
        var known = templates.byIds(ids).stream().map(Template::id).toList();
        var problems = new ArrayList<ApiError.Validation>();
        var choices = new LinkedHashMap<UUID, Boolean>();
        map.asJsonObject().forEach((id, value) -> {
            var field = "template_disabled_map." + id;
            if (!Uuids.isUuid(id)) {
                problems.add(new ApiError.Validation(field, "must be a template id (a UUID)"));
            } else if (!known.contains(UUID.fromString(id))) {
                problems.add(new ApiError.Validation(field, "names no known template"));
            } else if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                problems.add(new ApiError.Validation(field, "must be true or false"));
            } else {
                choices.put(UUID.fromString(id), value == JsonValue.TRUE);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("Invalid notification preferences.", problems);
        }
        apply(userId, choices, actor);
        return preferences.of(userId);
    }

    /**
     * Stores the choices ({@code true}: disabled) as the actor's change, with one audit entry of the templates
     * whose state changed, in one transaction: the API, the preference center and the unsubscribe link (no actor)
     * all change preferences here.
     */
    @Transactional(dontRollbackOn = Refusal.class)
    public void apply(UUID userId, Map<UUID, Boolean> choices, Optional<UUID> actor) {
        var stored = new HashMap<UUID, Boolean>();
        preferences.of(userId).forEach(preference -> stored.put(preference.id(), preference.disabled()));
        var before = Json.createObjectBuilder();
        var after = Json.createObjectBuilder();
        for (var template : templates.byIds(choices.keySet())) {
            var was = stored.getOrDefault(template.id(), !template.enabledByDefault());
            var now = choices.get(template.id());
            if (was != now) {
                before.add(template.id().toString(), was);
                after.add(template.id().toString(), now);
            }
        }
        var changed = after.build();
        if (!changed.isEmpty() && actor.isPresent()) {
            audit.requireRoomForPreferenceChange(actor.get());
        }
        preferences.set(userId, choices);
        // Nothing already queued goes out after the user opted out.
        choices.forEach((templateId, disabled) -> {
            if (disabled) {
                messages.inhibitQueued(userId, templateId);
            }
        });
        if (!changed.isEmpty()) {
            audit.record(actor, AuditStore.PREFERENCE, userId.toString(), before.build(), changed);
        }
    }
}
