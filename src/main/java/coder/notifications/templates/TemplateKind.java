package coder.notifications.templates;

/** Whether a template ships with the service (system) or carries notifications people send themselves (custom). */
public enum TemplateKind {
    system,
    custom;

    /** The column: TemplateKind under its word. */
    @jakarta.persistence.Converter
    public static class Column implements jakarta.persistence.AttributeConverter<TemplateKind, String> {
        @Override
        public String convertToDatabaseColumn(TemplateKind value) {
            return value == null ? null : value.name();
        }

        @Override
        public TemplateKind convertToEntityAttribute(String column) {
            return coder.notifications.database.EnumWords.parse(TemplateKind.class, column, TemplateKind::name);
        }
    }
}
