package coder.notifications.templates;

import java.util.Arrays;

/** Who hears about an event of a template (SPEC section 5). */
public enum Audience {
    /** The user the event is about. */
    SUBJECT("subject"),
    /** Owners and user admins, except the user the event is about. */
    ADMINS("admins"),
    /** Owners and template admins, except the initiator of the event. */
    TEMPLATE_ADMINS("template-admins");

    private final String word;

    Audience(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The column: Audience under its word. */
    @jakarta.persistence.Converter
    public static class Column implements jakarta.persistence.AttributeConverter<Audience, String> {
        @Override
        public String convertToDatabaseColumn(Audience value) {
            return value == null ? null : value.word();
        }

        @Override
        public Audience convertToEntityAttribute(String column) {
            return coder.notifications.database.EnumWords.parse(Audience.class, column, Audience::word);
        }
    }

    public static Audience named(String word) {
        return Arrays.stream(values())
                .filter(audience -> audience.word.equals(word))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown audience " + word));
    }
}
