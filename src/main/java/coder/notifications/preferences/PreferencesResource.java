package coder.notifications.preferences;

import coder.notifications.api.ApiError;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.JsonBodies;
import coder.notifications.api.Uuids;
import coder.notifications.security.Roles;
import coder.notifications.templates.TemplateStore;
import coder.notifications.users.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/** A user's choices of what to hear about: {@code /api/v2/users/{user}/notifications/preferences}. */
@Path("users/{user}/notifications/preferences")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OWNER, Roles.USER_ADMIN, Roles.TEMPLATE_ADMIN, Roles.AUDITOR, Roles.MEMBER, Roles.NOTIFIER})
public class PreferencesResource {

    @Inject
    UserDirectory directory;
    @Inject
    PreferenceStore preferences;
    @Inject
    TemplateStore templates;

    @GET
    public List<PreferenceView> get(@PathParam("user") String user) {
        return preferences.of(owned(user));
    }

    /** {@code {"template_disabled_map": {"<template id>": true}}}; answers the full list. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public List<PreferenceView> put(@PathParam("user") String user, byte[] body) {
        var userId = owned(user);
        var map = JsonBodies.object(body).get("template_disabled_map");
        if (map == null || map.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidRequestException.field("template_disabled_map", "is required: an object of template id to true or false");
        }
        var problems = new ArrayList<ApiError.Validation>();
        var choices = new LinkedHashMap<UUID, Boolean>();
        map.asJsonObject().forEach((id, value) -> {
            var field = "template_disabled_map." + id;
            if (!Uuids.isUuid(id)) {
                problems.add(new ApiError.Validation(field, "must be a template id (a UUID)"));
            } else if (templates.byId(UUID.fromString(id)).isEmpty()) {
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

    /** The user the path names, if the caller is that user or an owner. */
    private UUID owned(String user) {
        var id = directory.idOf(user);
        directory.requireSelfOr(id, Roles.OWNER);
        return id;
    }
}
