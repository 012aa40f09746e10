package coder.notifications.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
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

    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** OpenID Connect logins that may wait for the provider's answer at once: far more than people sign in. */
    public static final int OPEN_ATTEMPTS = 10_000;

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** A new session; answers the cookie's token. Expired sessions and attempts are cleared on the way. */
    public String open(UUID userId, List<String> roles) {
        var now = OffsetDateTime.now(clock);
        entityManager
                .createQuery("DELETE FROM StoredSession s WHERE s.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
        entityManager
                .createQuery("DELETE FROM SignInAttempt a WHERE a.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
        var token = Secrets.token();
        entityManager.persist(new StoredSession(
                Secrets.sha256(token), userId, roles, Secrets.token(), now, now.plus(SESSION_LIFETIME)));
        return token;
    }

    public Optional<WebSession> find(String token) {
        return entityManager
                .createQuery(
                        "SELECT s FROM StoredSession s WHERE s.tokenHash = :hash AND s.expiresAt > :now",
                        StoredSession.class)
                .setParameter("hash", Secrets.sha256(token))
                .setParameter("now", OffsetDateTime.now(clock))
                .getResultStream()
                .findFirst()
                .map(StoredSession::session);
    }

    public void close(String token) {
        entityManager
                .createQuery("DELETE FROM StoredSession s WHERE s.tokenHash = :hash")
                .setParameter("hash", Secrets.sha256(token))
                .executeUpdate();
    }

    /** Remembers a one-time sign-in link for the user; answers its token. */
    public String signInLink(UUID userId, List<String> roles, Duration validFor) {
        var token = Secrets.token();
        entityManager.persist(SignInAttempt.link(
                Secrets.sha256(token), userId, roles, OffsetDateTime.now(clock).plus(validFor)));
        return token;
    }

    /** Whether a sign-in link is still there to take: answers without using it up. */
    public boolean signInLinkOpen(String token) {
        return entityManager
                        .createQuery(
                                "SELECT count(a) FROM SignInAttempt a WHERE a.tokenHash = :hash AND a.kind = :kind"
                                        + " AND a.expiresAt > :now",
                                Long.class)
                        .setParameter("hash", Secrets.sha256(token))
                        .setParameter("kind", SignInAttempt.LINK)
                        .setParameter("now", OffsetDateTime.now(clock))
                        .getSingleResult()
                > 0;
    }

    /** Takes a sign-in link: the user and roles it signs in, once. */
    public Optional<LinkSignIn> takeSignInLink(String token) {
        return take(token, SignInAttempt.LINK).map(SignInAttempt::linkSignIn);
    }

    /**
     * Remembers an OpenID Connect login that was sent to the provider, under its state. Anyone may start one without
     * signing in, so the table is kept bounded: expired attempts are deleted first, and no more than
     * {@link #OPEN_ATTEMPTS} may wait at once (answers false, storing nothing, when that many do).
     */
    public boolean openIdLogin(String state, OpenIdLogin login, Duration validFor) {
        var now = OffsetDateTime.now(clock);
        entityManager
                .createQuery("DELETE FROM SignInAttempt a WHERE a.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
        var waiting = entityManager
                .createQuery("SELECT count(a) FROM SignInAttempt a WHERE a.kind = :kind", Long.class)
                .setParameter("kind", SignInAttempt.OPENID)
                .getSingleResult();
        if (waiting >= OPEN_ATTEMPTS) {
            return false;
        }
        entityManager.persist(SignInAttempt.openId(Secrets.sha256(state), login, now.plus(validFor)));
        return true;
    }

    /** Takes the login a provider's answer belongs to, once. */
    public Optional<OpenIdLogin> takeOpenIdLogin(String state) {
        return take(state, SignInAttempt.OPENID).map(SignInAttempt::openIdLogin);
    }

    /**
     * Takes an attempt out of the table: locked, then deleted in this transaction. A second replica taking the
     * same token waits for the lock and then finds nothing, so each attempt signs in once. An expired one is
     * deleted all the same, and signs in nobody.
     */
    private Optional<SignInAttempt> take(String token, String kind) {
        var found = entityManager
                .createQuery(
                        "SELECT a FROM SignInAttempt a WHERE a.tokenHash = :hash AND a.kind = :kind",
                        SignInAttempt.class)
                .setParameter("hash", Secrets.sha256(token))
                .setParameter("kind", kind)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
        found.ifPresent(entityManager::remove);
        return found.filter(attempt -> !attempt.expiredAt(OffsetDateTime.now(clock)));
    }

    /** What a sign-in link grants. */
    public record LinkSignIn(UUID userId, List<String> roles) {}

    /** An OpenID Connect login under way: the PKCE verifier, the nonce the ID token must carry, where to go after. */
    public record OpenIdLogin(String codeVerifier, String nonce, String returnTo) {}
}
