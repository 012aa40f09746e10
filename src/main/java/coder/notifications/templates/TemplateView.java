package coder.notifications.templates;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.util.UUID;

/** A template on the wire; {@code method} is empty when the template follows the deployment default. */
public record TemplateView(UUID id, String name, String titleTemplate, String bodyTemplate, JsonArray actions,
                           String group, String method, String kind, boolean enabledByDefault) {

    static TemplateView of(Template template) {
        try (var reader = Json.createReader(new StringReader(template.actionsJson()))) {
            return new TemplateView(template.id(), template.name(), template.titleTemplate(), template.bodyTemplate(),
                    reader.readArray(), template.group(), template.method().map(Enum::name).orElse(""), template.kind(),
                    template.enabledByDefault());
        }
    }
}
