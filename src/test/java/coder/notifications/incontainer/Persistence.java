package coder.notifications.incontainer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The service's persistence unit as the stores see it: inside a test's JTA transaction this is the stores' own
 * persistence context, so a test can flush, clear and find what they wrote. (A test class is no CDI bean:
 * {@code @PersistenceContext} on it stays null.)
 */
@ApplicationScoped
public class Persistence {

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    public EntityManager entityManager() {
        return entityManager;
    }
}
