package coder.notifications.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Owns {@code site_keys}: secret keys generated once and shared by every replica (the unsubscribe links' HMAC
 * key), so a link signed by one replica is honoured by all. Each key is read once per process.
 */
@ApplicationScoped
public class SiteKeyStore {

    public static final String UNSUBSCRIBE = "unsubscribe";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "notifications")
    EntityManager entityManager;

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    @Transactional
    public byte[] key(String name) {
        return keys.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        var fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // Replicas starting together may both generate one: the first insert wins and both read the winner.
        // Native for ON CONFLICT DO NOTHING: the losing replica inserts nothing instead of failing its transaction.
        entityManager
                .createNativeQuery("INSERT INTO site_keys (name, key) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING")
                .setParameter(1, name)
                .setParameter(2, fresh)
                .executeUpdate();
        return (byte[]) entityManager
                .createNativeQuery("SELECT key FROM site_keys WHERE name = ?1")
                .setParameter(1, name)
                .getSingleResult();
    }
}
