package coder.notifications.health;

import coder.notifications.lifecycle.ServiceLifecycle;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when start-up completed and PostgreSQL answers a query within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseAnswers implements HealthCheck {

    @Resource(lookup = "jdbc/notifications")
    DataSource database;

    @Inject
    ServiceLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("notifications-database");
        if (!lifecycle.started()) {
            return response.down().withData("reason", "starting").build();
        }
        try (var connection = database.getConnection();
                var statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("SELECT 1");
            return response.up().build();
        } catch (SQLException e) {
            return response.down()
                    .withData("reason", "the database does not answer: " + e.getMessage())
                    .build();
        }
    }
}
