package coder.notifications.pages;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The HTML of the pages: Pebble templates under {@code pages/} on the class path, the engine the service
 * already uses for notifications, with HTML escaping of every value on (a value never becomes markup).
 */
@ApplicationScoped
public class PageTemplates {

    private final PebbleEngine engine;

    public PageTemplates() {
        var loader = new ClasspathLoader(PageTemplates.class.getClassLoader());
        loader.setPrefix("pages");
        loader.setSuffix(".peb");
        engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(false)
                .cacheActive(true)
                .build();
    }

    public String render(String page, Map<String, Object> context) {
        var writer = new StringWriter();
        try {
            engine.getTemplate(page).evaluate(writer, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toString();
    }
}
