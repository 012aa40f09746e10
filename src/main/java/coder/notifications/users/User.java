package coder.notifications.users;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A person of the directory ({@code users}): who may receive notifications, and in which roles. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    @Convert(converter = RolesColumn.class)
    @Column(nullable = false)
    private List<Role> roles;

    @Convert(converter = UserStatus.Column.class)
    @Column(nullable = false)
    private UserStatus status;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** The rank of whoever wrote the entry last: {@code owner}, {@code notifier}, {@code user-admin}, {@code sign-in}. */
    @Column(name = "written_by", nullable = false)
    private String writtenBy;

    protected User() {}

    public User(UUID id, UserRequest request, OffsetDateTime now, String writtenBy) {
        this.id = id;
        this.createdAt = now;
        replaceWith(request, now, writtenBy);
    }

    /** Takes every field of the request, as {@code PUT} does. */
    public final void replaceWith(UserRequest request, OffsetDateTime now, String writtenBy) {
        this.writtenBy = writtenBy;
        username = request.username();
        name = request.name();
        email = request.email();
        roles = request.roles().stream()
                .map(word -> Role.named(word).orElseThrow())
                .toList();
        status = UserStatus.named(request.status()).orElseThrow();
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UserView view() {
        return new UserView(
                id,
                username,
                name,
                email,
                roles.stream().map(Role::word).toList(),
                status.name(),
                createdAt.toInstant(),
                updatedAt.toInstant());
    }
}
