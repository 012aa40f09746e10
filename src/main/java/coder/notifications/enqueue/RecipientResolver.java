package coder.notifications.enqueue;

import coder.notifications.api.ApiError;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.templates.Audience;
import coder.notifications.templates.Template;
import coder.notifications.users.Role;
import coder.notifications.users.UserStore;
import coder.notifications.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Works out who hears about an event (SPEC section 5). */
@ApplicationScoped
public class RecipientResolver {

    @Inject
    UserStore users;

    /** The recipients; a 400 naming the field when the subject or an explicit recipient is missing or unknown. */
    public List<UserView> recipients(Template template, EventRequest event) {
        var subject = subject(template, event);
        if (event.recipients().isPresent()) {
            return explicit(event.recipients().get());
        }
        return switch (template.audience()) {
            case SUBJECT -> List.of(subject.orElseThrow());
            case ADMINS -> except(users.activeWithAnyRole(List.of(Role.OWNER, Role.USER_ADMIN)), event.userId());
            case TEMPLATE_ADMINS -> except(users.activeWithAnyRole(List.of(Role.OWNER, Role.TEMPLATE_ADMIN)), event.initiatorId());
        };
    }

    /** The user the event is about must exist when it is named; for a subject audience it must be named. */
    private Optional<UserView> subject(Template template, EventRequest event) {
        if (event.userId().isEmpty() && event.recipients().isEmpty() && template.audience() == Audience.SUBJECT) {
            throw InvalidRequestException.field("user_id", "is required: the template \"" + template.name()
                    + "\" goes to the user the event is about");
        }
        return event.userId().map(id -> users.byId(id).orElseThrow(
                () -> InvalidRequestException.field("user_id", "names no known user: " + id)));
    }

    private List<UserView> explicit(List<UUID> ids) {
        var distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        var found = users.byIds(distinct);
        var problems = new ArrayList<ApiError.Validation>();
        for (int i = 0; i < ids.size(); i++) {
            var id = ids.get(i);
            if (found.stream().noneMatch(user -> user.id().equals(id))) {
                problems.add(new ApiError.Validation("recipients[" + i + "]", "names no known user: " + id));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("Invalid event.", problems);
        }
        return distinct.stream().map(id -> found.stream().filter(user -> user.id().equals(id)).findFirst().orElseThrow()).toList();
    }

    private static List<UserView> except(List<UserView> candidates, Optional<UUID> excluded) {
        return candidates.stream().filter(user -> excluded.map(id -> !id.equals(user.id())).orElse(true)).toList();
    }
}
