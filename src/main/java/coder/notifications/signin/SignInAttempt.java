package coder.notifications.signin;

import coder.notifications.database.NullableUuidConverter;
import coder.notifications.database.TextArrayConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code sign_in_attempts}: a one-time sign-in link ({@code link}) or an OpenID Connect login waiting for
 * the provider's answer ({@code oidc}), found by the SHA-256 of its token or state.
 */
@Entity
@Table(name = "sign_in_attempts")
class SignInAttempt {

    static final String LINK = "link";
    static final String OPENID = "oidc";

    @Id
    @Column(name = "token_hash")
    private byte[] tokenHash;

    @Column(nullable = false)
    private String kind;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "user_id")
    private UUID userId;

    @Convert(converter = TextArrayConverter.class)
    @Column(nullable = false)
    private List<String> roles;

    @Column(name = "code_verifier")
    private String codeVerifier;

    private String nonce;

    @Column(name = "return_to")
    private String returnTo;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected SignInAttempt() {}

    static SignInAttempt link(byte[] tokenHash, UUID userId, List<String> roles, OffsetDateTime expiresAt) {
        var attempt = new SignInAttempt();
        attempt.tokenHash = tokenHash;
        attempt.kind = LINK;
        attempt.userId = userId;
        attempt.roles = List.copyOf(roles);
        attempt.expiresAt = expiresAt;
        return attempt;
    }

    static SignInAttempt openId(byte[] stateHash, SessionStore.OpenIdLogin login, OffsetDateTime expiresAt) {
        var attempt = new SignInAttempt();
        attempt.tokenHash = stateHash;
        attempt.kind = OPENID;
        attempt.roles = List.of();
        attempt.codeVerifier = login.codeVerifier();
        attempt.nonce = login.nonce();
        attempt.returnTo = login.returnTo();
        attempt.expiresAt = expiresAt;
        return attempt;
    }

    boolean expiredAt(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }

    SessionStore.LinkSignIn linkSignIn() {
        return new SessionStore.LinkSignIn(userId, roles);
    }

    SessionStore.OpenIdLogin openIdLogin() {
        return new SessionStore.OpenIdLogin(codeVerifier, nonce, returnTo);
    }
}
