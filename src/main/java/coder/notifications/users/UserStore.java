package coder.notifications.users;

import coder.notifications.api.ConflictException;
import coder.notifications.api.Refusal;
import coder.notifications.database.PgTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Owns the {@code users} table. */
@ApplicationScoped
@Transactional(dontRollbackOn = Refusal.class)
public class UserStore {

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    Event<UsersChanged> changed;

    /**
     * Creates or replaces the user with this id, recording the writer's rank ({@code owner}, {@code notifier} or
     * {@code user-admin}); a username taken by another user is a conflict.
     */
    public UserView save(UUID id, UserRequest request, String writtenBy) {
        var now = OffsetDateTime.now(clock);
        var user = entityManager.find(User.class, id);
        if (user == null) {
            user = new User(id, request, now, writtenBy);
            entityManager.persist(user);
        } else {
            user.replaceWith(request, now, writtenBy);
        }
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            if (PgTypes.isUniqueViolation(e)) {
                throw new ConflictException("The username \"" + request.username() + "\" belongs to another user.");
            }
            throw e;
        }
        changed.fire(new UsersChanged());
        return user.view();
    }

    public Optional<UserView> byId(UUID id) {
        return Optional.ofNullable(entityManager.find(User.class, id)).map(User::view);
    }

    public Optional<UserView> byUsername(String username) {
        // lower() on both sides: the unique index users_username_key is on lower(username).
        return entityManager
                .createQuery("SELECT u FROM User u WHERE LOWER(u.username) = LOWER(:username)", User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .map(User::view);
    }

    /** The users with this email address (case-insensitive; the directory does not make it unique), by username. */
    public List<UserView> byEmail(String email) {
        return entityManager
                .createQuery(
                        "SELECT u FROM User u WHERE LOWER(u.email) = LOWER(:email) ORDER BY u.username", User.class)
                .setParameter("email", email)
                .setMaxResults(10)
                .getResultStream()
                .map(User::view)
                .toList();
    }

    /** Users holding the role, or everybody when no role is named, by username. */
    public List<UserView> list(Optional<Role> role) {
        if (role.isEmpty()) {
            return views(entityManager
                    .createQuery("SELECT u FROM User u ORDER BY LOWER(u.username)", User.class)
                    .getResultList());
        }
        // Native: JPQL has no array operators; @> on roles is answered by the GIN index users_roles_idx.
        return views(entityManager
                .createNativeQuery(
                        "SELECT * FROM users WHERE roles @> CAST(?1 AS text[]) ORDER BY lower(username)", User.class)
                .setParameter(1, new String[] {role.get().word()})
                .getResultList());
    }

    /** The users with these ids that exist. */
    public List<UserView> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() == 1) {
            // The common case of a single event: a read by primary key, the provider's cheapest query.
            return byId(ids.iterator().next()).map(List::of).orElse(List.of());
        }
        return views(entityManager
                .createQuery("SELECT u FROM User u WHERE u.id IN :ids", User.class)
                .setParameter("ids", List.copyOf(ids))
                .getResultList());
    }

    /** Active users holding any of the roles, in a stable order. */
    public List<UserView> activeWithAnyRole(List<Role> roles) {
        // Native: the overlap operator && on roles, answered by the GIN index users_roles_idx.
        return views(entityManager
                .createNativeQuery(
                        "SELECT * FROM users WHERE roles && CAST(?1 AS text[]) AND status = 'active' ORDER BY id",
                        User.class)
                .setParameter(1, roles.stream().map(Role::word).toArray(String[]::new))
                .getResultList());
    }

    /**
     * Adds a person who signed in to the pages and is not in the directory yet, from what their identity provider
     * says of them (as Coder does). Someone already in the directory is left as the system of record put them.
     * A username taken by someone else gets the id's first characters appended.
     */
    public UserView enrol(UUID id, String username, String name, String email, List<String> claimedRoles) {
        var existing = byId(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        var roles = claimedRoles.stream()
                .filter(role -> Role.named(role).isPresent())
                .distinct()
                .toArray(String[]::new);
        var base = username.replaceAll("[\\s/\\\\]+", "-");
        base = base.isEmpty() || base.equalsIgnoreCase("me") ? "user" : base.substring(0, Math.min(base.length(), 55));
        var cleanName = name.replaceAll("[\\r\\n]+", " ");
        cleanName = cleanName.substring(0, Math.min(cleanName.length(), 256));
        var cleanEmail = email.length() <= 320 && email.matches("[^\\s@<>]+@[^\\s@<>]+") ? email : "";
        for (var candidate : List.of(base, base + "-" + id.toString().substring(0, 8))) {
            // Native for ON CONFLICT DO NOTHING: a taken id (the same person signing in on two replicas at once) or
            // a taken username inserts nothing, where a persist would abort the whole transaction.
            entityManager
                    .createNativeQuery("""
                            INSERT INTO users (id, username, name, email, roles, written_by)
                            VALUES (?1, ?2, ?3, ?4, CAST(?5 AS text[]), 'sign-in')
                            ON CONFLICT DO NOTHING""")
                    .setParameter(1, id)
                    .setParameter(2, candidate)
                    .setParameter(3, cleanName)
                    .setParameter(4, cleanEmail)
                    .setParameter(5, roles)
                    .executeUpdate();
            var added = byId(id);
            if (added.isPresent()) {
                return added.get();
            }
        }
        throw new ConflictException("Cannot add " + id + " to the user directory: its usernames are taken.");
    }

    public boolean delete(UUID id) {
        var user = entityManager.find(User.class, id);
        if (user == null) {
            return false;
        }
        entityManager.remove(user);
        changed.fire(new UsersChanged());
        return true;
    }

    /**
     * The suspended users, each with whether a user-admin wrote the suspension (which does not hold against a
     * subject with owner or notifier rights).
     */
    public Map<UUID, Boolean> suspended() {
        return entityManager
                .createQuery("SELECT u.id, u.writtenBy FROM User u WHERE u.status = :status", Object[].class)
                .setParameter("status", UserStatus.suspended)
                .getResultStream()
                .collect(Collectors.toUnmodifiableMap(row -> (UUID) row[0], row -> "user-admin".equals(row[1])));
    }

    /** Remembers, once, that the subject called with owner or notifier rights. */
    public void rememberPrivileged(UUID subject) {
        // Native for ON CONFLICT DO NOTHING: every replica records the subject once, whichever is first.
        entityManager
                .createNativeQuery("INSERT INTO privileged_callers (subject) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, subject)
                .executeUpdate();
    }

    /** Whether the subject has ever called with owner or notifier rights, on any replica. */
    public boolean isPrivileged(UUID subject) {
        return !entityManager
                .createNativeQuery("SELECT 1 FROM privileged_callers WHERE subject = ?1")
                .setParameter(1, subject)
                .getResultList()
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<UserView> views(List<?> users) {
        return ((List<User>) users).stream().map(User::view).toList();
    }
}
