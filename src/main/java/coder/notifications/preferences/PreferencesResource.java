package coder.notifications.preferences;

import coder.notifications.api.JsonBodies;
import coder.notifications.api.Roles;
import coder.notifications.users.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    PreferenceEditor editor;

    @Inject
    coder.notifications.api.Caller caller;

    @GET
    public List<PreferenceView> get(@PathParam("user") String user) {
        return preferences.of(owned(user));
    }

    /** {@code {"template_disabled_map": {"<template id>": true}}}; answers the full list. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public List<PreferenceView> put(@PathParam("user") String user, byte[] body) {
        return editor.change(owned(user), JsonBodies.object(body), caller.id());
    }

    /** The user the path names, if the caller is that user or an owner. */
    private UUID owned(String user) {
        var id = directory.idOf(user);
        directory.requireSelfOr(id, Roles.OWNER);
        return id;
    }
}
