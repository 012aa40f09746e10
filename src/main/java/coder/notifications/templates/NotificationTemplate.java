package coder.notifications.templates;

import coder.notifications.config.Method;
import coder.notifications.database.MethodConverter;
import coder.notifications.delivery.Action;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code notification_templates}. The migrations seed them; the API changes only the delivery method.
 * The rest of the service works with the immutable {@link Template} it describes.
 */
@Entity
@Table(name = "notification_templates")
public class NotificationTemplate {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "title_template", nullable = false)
    private String titleTemplate;

    @Column(name = "body_template", nullable = false)
    private String bodyTemplate;

    @Convert(converter = ActionsColumn.class)
    @Column(nullable = false)
    private List<Action> actions;

    // "group" is a reserved word in SQL: the column name is quoted.
    @Column(name = "\"group\"", nullable = false)
    private String group;

    @Convert(converter = MethodConverter.class)
    private Method method;

    @Convert(converter = TemplateKind.Column.class)
    @Column(nullable = false)
    private TemplateKind kind;

    @Column(name = "enabled_by_default", nullable = false)
    private boolean enabledByDefault;

    @Convert(converter = Audience.Column.class)
    @Column(nullable = false)
    private Audience audience;

    @Column(nullable = false)
    private String description;

    protected NotificationTemplate() {}

    /** Sets the delivery method (empty: the deployment default); answers whether it changed. */
    public boolean deliverBy(Optional<Method> chosen) {
        if (Objects.equals(method, chosen.orElse(null))) {
            return false;
        }
        method = chosen.orElse(null);
        return true;
    }

    public Template template() {
        return new Template(
                id,
                name,
                titleTemplate,
                bodyTemplate,
                List.copyOf(actions),
                group,
                Optional.ofNullable(method),
                kind,
                enabledByDefault,
                audience,
                description);
    }
}
