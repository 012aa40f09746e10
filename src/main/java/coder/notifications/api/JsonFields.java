package coder.notifications.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Typed reads of one JSON object's fields. A field of the wrong type is recorded as a validation naming its
 * path ({@code events[2].labels.name}) and read as absent, so one pass reports every bad field.
 */
public final class JsonFields {

    private final JsonObject object;
    private final String prefix;
    private final List<ApiError.Validation> problems;

    public JsonFields(JsonObject object, String prefix, List<ApiError.Validation> problems) {
        this.object = object;
        this.prefix = prefix;
        this.problems = problems;
    }

    public String path(String name) {
        return prefix + name;
    }

    public void problem(String name, String detail) {
        problems.add(new ApiError.Validation(path(name), detail));
    }

    private Optional<JsonValue> value(String name) {
        var value = object.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL
                ? Optional.empty()
                : Optional.of(value);
    }

    public Optional<String> string(String name) {
        var value = value(name);
        if (value.isPresent() && !(value.get() instanceof JsonString)) {
            problem(name, "must be a string");
            return Optional.empty();
        }
        return value.map(v -> ((JsonString) v).getString());
    }

    public Optional<String> requiredString(String name) {
        if (value(name).isEmpty()) {
            problem(name, "is required");
            return Optional.empty();
        }
        var value = string(name);
        if (value.isPresent() && value.get().isBlank()) {
            problem(name, "must not be empty");
            return Optional.empty();
        }
        return value;
    }

    public Optional<UUID> uuid(String name) {
        return string(name).flatMap(text -> parseUuid(name, text));
    }

    public List<UUID> uuids(String name) {
        var values = new ArrayList<UUID>();
        stringElements(name, "UUID string")
                .forEach(element ->
                        parseUuid(element.getKey(), element.getValue()).ifPresent(values::add));
        return values;
    }

    public List<String> strings(String name) {
        return stringElements(name, "string").stream().map(Map.Entry::getValue).toList();
    }

    /** The string elements of an array field, each with its path ({@code recipients[2]}); others are problems. */
    private List<Map.Entry<String, String>> stringElements(String name, String what) {
        var elements = new ArrayList<Map.Entry<String, String>>();
        var value = value(name);
        if (value.isEmpty()) {
            return elements;
        }
        if (value.get().getValueType() != JsonValue.ValueType.ARRAY) {
            problem(name, "must be an array of " + what + "s");
            return elements;
        }
        var array = value.get().asJsonArray();
        for (int i = 0; i < array.size(); i++) {
            var path = name + "[" + i + "]";
            if (array.get(i) instanceof JsonString text) {
                elements.add(Map.entry(path, text.getString()));
            } else {
                problem(path, "must be a " + what);
            }
        }
        return elements;
    }

    /** An object whose values must all be strings, such as {@code labels}. */
    public Map<String, String> stringMap(String name) {
        var values = new LinkedHashMap<String, String>();
        var value = value(name);
        if (value.isEmpty()) {
            return values;
        }
        if (value.get().getValueType() != JsonValue.ValueType.OBJECT) {
            problem(name, "must be an object of strings");
            return values;
        }
        value.get().asJsonObject().forEach((key, element) -> {
            if (element instanceof JsonString text) {
                values.put(key, text.getString());
            } else {
                problem(name + "." + key, "must be a string");
            }
        });
        return values;
    }

    public Optional<JsonObject> object(String name) {
        var value = value(name);
        if (value.isPresent() && value.get().getValueType() != JsonValue.ValueType.OBJECT) {
            problem(name, "must be an object");
            return Optional.empty();
        }
        return value.map(JsonValue::asJsonObject);
    }

    private Optional<UUID> parseUuid(String name, String text) {
        if (!Uuids.isUuid(text)) {
            problem(name, "must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6");
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
