package coder.notifications.database;

import coder.notifications.config.Method;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The {@code method} columns of templates and messages: {@code smtp} or {@code webhook}. */
@Converter
public class MethodConverter implements AttributeConverter<Method, String> {

    @Override
    public String convertToDatabaseColumn(Method method) {
        return method == null ? null : method.name();
    }

    @Override
    public Method convertToEntityAttribute(String column) {
        return EnumWords.parse(Method.class, column, Method::name);
    }
}
