package coder.notifications.templates;

import coder.notifications.database.PgTypes;
import coder.notifications.delivery.Action;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** A template's {@code actions jsonb} column: an array of {@code {"label": ..., "url": ...}} templates. */
@Converter
public class ActionsColumn implements AttributeConverter<List<Action>, Object> {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Type LIST_OF_ACTIONS =
            new ArrayList<Action>() {}.getClass().getGenericSuperclass();

    @Override
    public Object convertToDatabaseColumn(List<Action> actions) {
        return PgTypes.jsonb(JSON.toJson(actions == null ? List.of() : actions));
    }

    @Override
    public List<Action> convertToEntityAttribute(Object column) {
        if (column == null) {
            return List.of();
        }
        List<Action> actions = JSON.fromJson(PgTypes.text(column), LIST_OF_ACTIONS);
        return List.copyOf(actions);
    }
}
