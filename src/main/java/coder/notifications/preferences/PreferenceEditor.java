package coder.notifications.preferences;

import coder.notifications.api.ApiError;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.Uuids;
import coder.notifications.templates.Template;
import coder.notifications.templates.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Transactional
    public List<PreferenceView> change(UUID userId, JsonObject body) {
        var map = body.get("template_disabled_map");
        if (map == null || map.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidRequestException.field("template_disabled_map", "is required: an object of template id to true or false");
        }
        var ids = map.asJsonObject().keySet().stream().filter(Uuids::isUuid).map(UUID::fromString).toList();
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
        preferences.set(userId, choices);
        return preferences.of(userId);
    }
}
