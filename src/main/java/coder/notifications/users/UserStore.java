package coder.notifications.users;

import coder.notifications.database.NativeRows;
import coder.notifications.api.ConflictException;
import coder.notifications.database.SqlArrays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Owns the {@code users} table. Roles are a {@code text[]}, so the SQL is native. */
@ApplicationScoped
@Transactional
public class UserStore {

    private static final String COLUMNS =
            "id, username, name, email, array_to_json(roles)::text, status, created_at, updated_at";

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    /** Creates or replaces the user with this id; a username taken by another user is a conflict. */
    public UserView save(UUID id, UserRequest request) {
        try {
            // Upsert on the id: the directory is synced by callers that own the ids.
            var row = (Object[]) entityManager.createNativeQuery("""
                    INSERT INTO users (id, username, name, email, roles, status)
                    VALUES (?1, ?2, ?3, ?4, CAST(?5 AS text[]), ?6)
                    ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, name = EXCLUDED.name,
                        email = EXCLUDED.email, roles = EXCLUDED.roles, status = EXCLUDED.status, updated_at = now()
                    RETURNING\s""" + COLUMNS)
                    .setParameter(1, id).setParameter(2, request.username()).setParameter(3, request.name())
                    .setParameter(4, request.email()).setParameter(5, SqlArrays.literal(request.roles()))
                    .setParameter(6, request.status())
                    .getSingleResult();
            return view(row);
        } catch (PersistenceException e) {
            if (SqlArrays.isUniqueViolation(e)) {
                throw new ConflictException("The username \"" + request.username() + "\" belongs to another user.");
            }
            throw e;
        }
    }

    public Optional<UserView> byId(UUID id) {
        return first(entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM users WHERE id = ?1")
                .setParameter(1, id).getResultList());
    }

    public Optional<UserView> byUsername(String username) {
        return first(entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM users WHERE lower(username) = lower(?1)")
                .setParameter(1, username).getResultList());
    }

    /** Users holding the role, or everybody when no role is named, by username. */
    public List<UserView> list(Optional<Role> role) {
        var query = role.isPresent()
                ? entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM users WHERE roles @> CAST(?1 AS text[]) ORDER BY lower(username)")
                        .setParameter(1, SqlArrays.literal(List.of(role.get().word())))
                : entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM users ORDER BY lower(username)");
        return NativeRows.of(query.getResultList()).stream().map(UserStore::view).toList();
    }

    /** The users with these ids that exist. */
    public List<UserView> byIds(java.util.Collection<UUID> ids) {
        return NativeRows.of(entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM users WHERE id = ANY(CAST(?1 AS uuid[]))")
                .setParameter(1, SqlArrays.literal(ids)).getResultList()).stream().map(UserStore::view).toList();
    }

    /** Active users holding any of the roles, in a stable order. */
    public List<UserView> activeWithAnyRole(List<Role> roles) {
        return NativeRows.of(entityManager.createNativeQuery(
                        "SELECT " + COLUMNS + " FROM users WHERE roles && CAST(?1 AS text[]) AND status = 'active' ORDER BY id")
                .setParameter(1, SqlArrays.literal(roles.stream().map(Role::word).toList())).getResultList())
                .stream().map(UserStore::view).toList();
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
        var roles = claimedRoles.stream().filter(role -> Role.named(role).isPresent()).distinct().toList();
        var base = username.replaceAll("[\\s/\\\\]+", "-");
        base = base.isEmpty() || base.equalsIgnoreCase("me") ? "user" : base.substring(0, Math.min(base.length(), 55));
        var cleanName = name.replaceAll("[\\r\\n]+", " ");
        cleanName = cleanName.substring(0, Math.min(cleanName.length(), 256));
        var cleanEmail = email.length() <= 320 && email.matches("[^\\s@<>]+@[^\\s@<>]+") ? email : "";
        for (var candidate : List.of(base, base + "-" + id.toString().substring(0, 8))) {
            // No conflict target: a taken id (a concurrent sign-in) and a taken username both insert nothing.
            entityManager.createNativeQuery("""
                            INSERT INTO users (id, username, name, email, roles) VALUES (?1, ?2, ?3, ?4, CAST(?5 AS text[]))
                            ON CONFLICT DO NOTHING""")
                    .setParameter(1, id).setParameter(2, candidate).setParameter(3, cleanName).setParameter(4, cleanEmail)
                    .setParameter(5, SqlArrays.literal(roles)).executeUpdate();
            var added = byId(id);
            if (added.isPresent()) {
                return added.get();
            }
        }
        throw new ConflictException("Cannot add " + id + " to the user directory: its usernames are taken.");
    }

    public boolean delete(UUID id) {
        return entityManager.createNativeQuery("DELETE FROM users WHERE id = ?1").setParameter(1, id).executeUpdate() > 0;
    }

    private static Optional<UserView> first(List<?> rows) {
        return NativeRows.of(rows).stream().findFirst().map(UserStore::view);
    }


    static UserView view(Object[] row) {
        return new UserView((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                SqlArrays.jsonStrings((String) row[4]), (String) row[5],
                NativeRows.instant(row[6]), NativeRows.instant(row[7]));
    }
}
