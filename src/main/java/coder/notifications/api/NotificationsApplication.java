package coder.notifications.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** Roots the REST API under {@code /api/v2}; every call is authenticated with a MicroProfile JWT bearer token. */
@ApplicationPath("/api/v2")
@LoginConfig(authMethod = "MP-JWT", realmName = "coder-notifications")
@DeclareRoles({"owner", "user-admin", "template-admin", "auditor", "member", "notifier"})
public class NotificationsApplication extends Application {
}
