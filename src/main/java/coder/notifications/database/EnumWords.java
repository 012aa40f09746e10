package coder.notifications.database;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Enums stored in {@code text} columns under their words (the values the columns' CHECK constraints list), never
 * under ordinals or Java names. Each converter implements {@code AttributeConverter<E, String>} itself, as
 * EclipseLink reads a converter's types from its own declaration, not from a generic superclass.
 */
public final class EnumWords {

    private EnumWords() {}

    /** The enum constant stored under the word; an unknown word is an error, never a silent default. */
    public static <E extends Enum<E>> E parse(Class<E> type, String column, Function<E, String> word) {
        if (column == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(value -> word.apply(value).equals(column))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "the database holds \"" + column + "\", which is no " + type.getSimpleName()));
    }
}
