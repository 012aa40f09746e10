package coder.notifications.lifecycle;

/**
 * Fired once as the application stops, while the database, the executors and every bean are still there: the
 * moment background work must finish (observers run in the order of their {@code @Priority}). Liberty fires
 * neither CDI's {@code Shutdown} event nor, in time, {@code @BeforeDestroyed(ApplicationScoped.class)}; the
 * servlet container's own stop of the application is what reliably happens first.
 */
public record ServiceStopping() {}
