package coder.notifications.database;

import jakarta.servlet.ServletContext;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Lists the migration scripts through the servlet context. Flyway's own class-path scanning cannot read the
 * application server's resource URLs; the servlet API lists the WAR's files the same way in every server.
 */
final class MigrationScripts implements ResourceProvider {

    static final String FOLDER = "/WEB-INF/classes/db/migration/";

    private final ServletContext context;

    MigrationScripts(ServletContext context) {
        this.context = context;
    }

    @Override
    public LoadableResource getResource(String name) {
        return getResources(name, new String[] {""}).stream()
                .filter(script -> script.getFilename().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        Set<String> paths = Objects.requireNonNullElse(context.getResourcePaths(FOLDER), Set.of());
        return paths.stream()
                .filter(path -> fileName(path).startsWith(prefix))
                .filter(path -> Arrays.stream(suffixes).anyMatch(path::endsWith))
                .sorted()
                .map(this::script)
                .toList();
    }

    private LoadableResource script(String path) {
        return new Script(context, path);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** One SQL file of the WAR, read as UTF-8 each time Flyway asks. */
    private static final class Script extends LoadableResource {
        private final ServletContext context;
        private final String path;

        Script(ServletContext context, String path) {
            this.context = context;
            this.path = path;
        }

        @Override
        public Reader read() {
            var stream = context.getResourceAsStream(path);
            if (stream == null) {
                throw new UncheckedIOException(new java.io.FileNotFoundException(path));
            }
            return new InputStreamReader(stream, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path;
        }

        @Override
        public String getFilename() {
            return fileName(path);
        }

        @Override
        public String getRelativePath() {
            return fileName(path);
        }
    }
}
