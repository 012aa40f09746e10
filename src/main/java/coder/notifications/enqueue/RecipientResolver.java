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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Works out who hears about an event (SPEC section 5). */
@ApplicationScoped
public class RecipientResolver {

    @Inject
    UserStore users;

    /**
     * The users a request's events name, read in one query, and the administrators of each role set, read once:
     * a batch of a thousand events costs a query or three, not one per event.
     */
    public final class Directory {
        private final Map<UUID, UserView> named;
        private final Map<List<Role>, List<UserView>> byRoles = new HashMap<>();

        private Directory(Collection<UUID> ids) {
            named = ids.isEmpty()
                    ? Map.of()
                    : users.byIds(ids).stream().collect(Collectors.toMap(UserView::id, Function.identity()));
        }

        Optional<UserView> user(UUID id) {
            return Optional.ofNullable(named.get(id));
        }

        List<UserView> activeWithAnyRole(List<Role> roles) {
            return byRoles.computeIfAbsent(roles, users::activeWithAnyRole);
        }
    }

    /** The directory of these events: every user they name as subject or recipient. */
    public Directory directoryFor(Collection<EventRequest> events) {
        var ids = new LinkedHashSet<UUID>();
        for (var event : events) {
            event.userId().ifPresent(ids::add);
            event.recipients().ifPresent(ids::addAll);
        }
        return new Directory(ids);
    }

    /** The recipients; a 400 naming the field when the subject or an explicit recipient is missing or unknown. */
    public List<UserView> recipients(Template template, EventRequest event, Directory directory) {
        var subject = subject(template, event, directory);
        if (event.recipients().isPresent()) {
            return explicit(event.recipients().get(), directory);
        }
        return switch (template.audience()) {
            case SUBJECT -> List.of(subject.orElseThrow());
            case ADMINS -> except(directory.activeWithAnyRole(List.of(Role.OWNER, Role.USER_ADMIN)), event.userId());
            case TEMPLATE_ADMINS ->
                except(directory.activeWithAnyRole(List.of(Role.OWNER, Role.TEMPLATE_ADMIN)), event.initiatorId());
        };
    }

    /** The user the event is about must exist when it is named; for a subject audience it must be named. */
    private static Optional<UserView> subject(Template template, EventRequest event, Directory directory) {
        if (event.userId().isEmpty() && event.recipients().isEmpty() && template.audience() == Audience.SUBJECT) {
            throw InvalidRequestException.field(
                    "user_id",
                    "is required: the template \"" + template.name() + "\" goes to the user the event is about");
        }
        return event.userId()
                .map(id -> directory
                        .user(id)
                        .orElseThrow(() -> InvalidRequestException.field("user_id", "names no known user: " + id)));
    }

    private static List<UserView> explicit(List<UUID> ids, Directory directory) {
        var problems = new ArrayList<ApiError.Validation>();
        for (int i = 0; i < ids.size(); i++) {
            if (directory.user(ids.get(i)).isEmpty()) {
                problems.add(new ApiError.Validation("recipients[" + i + "]", "names no known user: " + ids.get(i)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("Invalid event.", problems);
        }
        return new LinkedHashSet<>(ids)
                .stream().map(id -> directory.user(id).orElseThrow()).toList();
    }

    private static List<UserView> except(List<UserView> candidates, Optional<UUID> excluded) {
        return candidates.stream()
                .filter(user -> excluded.map(id -> !id.equals(user.id())).orElse(true))
                .toList();
    }
}
