package coder.notifications.signin;

import coder.notifications.database.TextArrayConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A row of {@code web_sessions}: a signed-in person, found by the SHA-256 of their cookie's token. */
@Entity
@Table(name = "web_sessions")
class StoredSession {

    @Id
    @Column(name = "token_hash")
    private byte[] tokenHash;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Convert(converter = TextArrayConverter.class)
    @Column(nullable = false)
    private List<String> roles;

    @Column(name = "csrf_token", nullable = false)
    private String csrfToken;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected StoredSession() {}

    StoredSession(
            byte[] tokenHash,
            UUID userId,
            List<String> roles,
            String csrfToken,
            OffsetDateTime now,
            OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.roles = List.copyOf(roles);
        this.csrfToken = csrfToken;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    WebSession session() {
        return new WebSession(userId, roles, csrfToken, expiresAt.toInstant());
    }
}
