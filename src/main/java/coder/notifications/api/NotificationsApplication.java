package coder.notifications.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Roots the REST API under {@code /api/v2}; every call is authenticated by its bearer token (security/). */
@ApplicationPath("/api/v2")
@DeclareRoles({"owner", "user-admin", "template-admin", "auditor", "member", "notifier"})
public class NotificationsApplication extends Application {}
