package coder.notifications.database;

import jakarta.servlet.ServletContext;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the newest version with the versioned SQL under {@code db/migration}, the only source of
 * the schema. Flyway holds a PostgreSQL advisory lock while it migrates, so replicas that start together apply
 * each migration exactly once: the others wait and then find nothing left to do.
 */
public final class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private Migrations() {}

    public static void migrate(DataSource database, ServletContext application) {
        var result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(database)
                .resourceProvider(new MigrationScripts(application))
                // No Java migrations and no callbacks: the SQL files are the whole schema.
                .locations("classpath:db/migration")
                .callbackLocations("classpath:db/migration")
                .validateMigrationNaming(true)
                // Templates contain Pebble syntax such as ${{ ... }}: nothing in a script is a placeholder.
                .placeholderReplacement(false)
                .load()
                .migrate();
        if (result.targetSchemaVersion == null && result.initialSchemaVersion == null) {
            throw new IllegalStateException("no migration scripts found under " + MigrationScripts.FOLDER);
        }
        LOG.info("notifications: database schema at version "
                + Objects.requireNonNullElse(result.targetSchemaVersion, result.initialSchemaVersion) + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }
}
