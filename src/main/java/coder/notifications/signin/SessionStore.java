package coder.notifications.signin;

import coder.notifications.database.NativeRows;
import coder.notifications.database.SqlArrays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Owns {@code web_sessions} and {@code sign_in_attempts}. Only hashes of the tokens are stored; a token is
 * taken from the table in the same statement that checks it, so a sign-in link or an OpenID Connect state
 * works once, whichever replica sees it.
 */
@ApplicationScoped
@Transactional
public class SessionStore {

    static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;
    @Inject
    Clock clock;

    /** A new session; answers the cookie's token. Expired sessions and attempts are cleared on the way. */
    public String open(UUID userId, List<String> roles) {
        entityManager.createNativeQuery("DELETE FROM web_sessions WHERE expires_at < now()").executeUpdate();
        entityManager.createNativeQuery("DELETE FROM sign_in_attempts WHERE expires_at < now()").executeUpdate();
        var token = Secrets.token();
        entityManager.createNativeQuery("""
                        INSERT INTO web_sessions (token_hash, user_id, roles, csrf_token, expires_at)
                        VALUES (?1, ?2, CAST(?3 AS text[]), ?4, ?5)""")
                .setParameter(1, Secrets.sha256(token)).setParameter(2, userId).setParameter(3, SqlArrays.literal(roles))
                .setParameter(4, Secrets.token()).setParameter(5, java.sql.Timestamp.from(clock.instant().plus(SESSION_LIFETIME)))
                .executeUpdate();
        return token;
    }

    public Optional<WebSession> find(String token) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT user_id, array_to_json(roles)::text, csrf_token, expires_at FROM web_sessions
                        WHERE token_hash = ?1 AND expires_at > now()""")
                .setParameter(1, Secrets.sha256(token)).getResultList();
        return NativeRows.of(rows).stream().findFirst().map(row -> new WebSession((UUID) row[0],
                SqlArrays.jsonStrings((String) row[1]), (String) row[2], NativeRows.instant(row[3])));
    }

    public void close(String token) {
        entityManager.createNativeQuery("DELETE FROM web_sessions WHERE token_hash = ?1")
                .setParameter(1, Secrets.sha256(token)).executeUpdate();
    }

    /** Remembers a one-time sign-in link for the user; answers its token. */
    public String signInLink(UUID userId, List<String> roles, Duration validFor) {
        var token = Secrets.token();
        entityManager.createNativeQuery("""
                        INSERT INTO sign_in_attempts (token_hash, kind, user_id, roles, expires_at)
                        VALUES (?1, 'link', ?2, CAST(?3 AS text[]), ?4)""")
                .setParameter(1, Secrets.sha256(token)).setParameter(2, userId).setParameter(3, SqlArrays.literal(roles))
                .setParameter(4, java.sql.Timestamp.from(clock.instant().plus(validFor))).executeUpdate();
        return token;
    }

    /** Takes a sign-in link: the user and roles it signs in, once. */
    public Optional<LinkSignIn> takeSignInLink(String token) {
        List<?> rows = entityManager.createNativeQuery("""
                        DELETE FROM sign_in_attempts WHERE token_hash = ?1 AND kind = 'link'
                        RETURNING user_id, array_to_json(roles)::text, expires_at > now()""")
                .setParameter(1, Secrets.sha256(token)).getResultList();
        return NativeRows.of(rows).stream().filter(row -> Boolean.TRUE.equals(row[2]))
                .map(row -> new LinkSignIn((UUID) row[0], SqlArrays.jsonStrings((String) row[1]))).findFirst();
    }

    /** Remembers an OpenID Connect login that was sent to the provider, under its state. */
    public void openIdLogin(String state, OpenIdLogin login, Duration validFor) {
        entityManager.createNativeQuery("""
                        INSERT INTO sign_in_attempts (token_hash, kind, code_verifier, nonce, return_to, expires_at)
                        VALUES (?1, 'oidc', ?2, ?3, ?4, ?5)""")
                .setParameter(1, Secrets.sha256(state)).setParameter(2, login.codeVerifier()).setParameter(3, login.nonce())
                .setParameter(4, login.returnTo()).setParameter(5, java.sql.Timestamp.from(clock.instant().plus(validFor)))
                .executeUpdate();
    }

    /** Takes the login a provider's answer belongs to, once. */
    public Optional<OpenIdLogin> takeOpenIdLogin(String state) {
        List<?> rows = entityManager.createNativeQuery("""
                        DELETE FROM sign_in_attempts WHERE token_hash = ?1 AND kind = 'oidc'
                        RETURNING code_verifier, nonce, return_to, expires_at > now()""")
                .setParameter(1, Secrets.sha256(state)).getResultList();
        return NativeRows.of(rows).stream().filter(row -> Boolean.TRUE.equals(row[3]))
                .map(row -> new OpenIdLogin((String) row[0], (String) row[1], (String) row[2])).findFirst();
    }

    /** What a sign-in link grants. */
    public record LinkSignIn(UUID userId, List<String> roles) {
    }

    /** An OpenID Connect login under way: the PKCE verifier, the nonce the ID token must carry, where to go after. */
    public record OpenIdLogin(String codeVerifier, String nonce, String returnTo) {
    }
}
