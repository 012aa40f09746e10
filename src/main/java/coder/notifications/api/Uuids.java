package coder.notifications.api;

import java.util.UUID;
import java.util.regex.Pattern;

/** UUIDs as the API accepts them: the canonical 8-4-4-4-12 form, anything else a 400 naming the field. */
public final class Uuids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {}

    public static boolean isUuid(String text) {
        return text != null && CANONICAL.matcher(text).matches();
    }

    /** The UUID the text spells, if it is one (surrounding blanks ignored). */
    public static java.util.Optional<UUID> of(String text) {
        return java.util.Optional.ofNullable(text)
                .map(String::strip)
                .filter(Uuids::isUuid)
                .map(UUID::fromString);
    }

    public static UUID parse(String field, String text) {
        if (!isUuid(text)) {
            throw InvalidRequestException.field(field, "must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6");
        }
        return UUID.fromString(text);
    }
}
