package coder.notifications.messages;

import coder.notifications.database.PgTypes;
import coder.notifications.delivery.Payload;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The {@code payload jsonb} column as the typed payload of SPEC 7.1. */
@Converter
public class PayloadColumn implements AttributeConverter<Payload, Object> {

    @Override
    public Object convertToDatabaseColumn(Payload payload) {
        return PgTypes.jsonb(payload.toJson());
    }

    @Override
    public Payload convertToEntityAttribute(Object column) {
        return column == null ? null : Payload.fromJson(PgTypes.text(column));
    }
}
