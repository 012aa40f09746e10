package coder.notifications.lifecycle;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns the servlet container's stop of the application into {@link ServiceStopping}, once. */
@WebListener
public class ApplicationStop implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ApplicationStop.class.getName());

    @Inject
    Event<ServiceStopping> stopping;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        try {
            stopping.fire(new ServiceStopping());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notifications: stopping the service failed: " + e.getMessage(), e);
        }
    }
}
