package coder.notifications.database;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * A {@code uuid} column that may be null. EclipseLink's own UUID conversion (4.0) fails on a null value, so every
 * nullable uuid column of an entity names this converter; the driver reads and binds {@link UUID} as it is, and a
 * null is bound as a uuid (typed by the converter), not as text.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID id) {
        return id;
    }

    @Override
    public UUID convertToEntityAttribute(UUID column) {
        return column;
    }
}
