package coder.notifications.incontainer;

import coder.notifications.database.connection.BuiltInDatabase;
import java.nio.file.Path;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Starts the in-container server's database in the test JVM, before Arquillian starts the server. It is the
 * service's own built-in database in the server's cache directory: the service finds it running there and adopts
 * it, as it adopts one left by a killed process, so it outlives each test class's deployment (the service stops
 * only a database it started itself). It stops with the test JVM.
 */
public class DatabaseBeforeServer implements LoadableExtension {

    /** CODER_CACHE_DIRECTORY of src/test/liberty/server.env, seen from the project's folder. */
    static final Path CACHE = Path.of("target/liberty/wlp/usr/servers/incontainer/incontainer-cache");

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Starter.class);
    }

    public static class Starter {

        public void start(@Observes BeforeStart event) {
            BuiltInDatabase.connection(CACHE.toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(BuiltInDatabase::stop));
        }
    }
}
