package coder.notifications.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Roots the REST API under {@code /api/v2}. */
@ApplicationPath("/api/v2")
public class NotificationsApplication extends Application {
}
