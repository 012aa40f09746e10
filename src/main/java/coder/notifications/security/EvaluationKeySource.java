package coder.notifications.security;

import coder.notifications.database.CacheDirectory;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points MicroProfile JWT at the evaluation key when no verification key is configured. Its ordinal is the
 * lowest of all sources, so any configured {@code mp.jwt.verify.*} value wins and this mode stays off.
 * It reads the environment directly because it is itself part of configuration, below MicroProfile Config.
 */
public class EvaluationKeySource implements ConfigSource {

    static final String LOCATION = "mp.jwt.verify.publickey.location";
    static final String ISSUER = "mp.jwt.verify.issuer";

    /** Whether no verification key is configured anywhere, as property or as environment variable. */
    public static boolean evaluationMode() {
        for (var property : new String[] {"mp.jwt.verify.publickey", LOCATION}) {
            var variable = property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
            if (present(System.getenv(variable))
                    || present(System.getenv(property))
                    || present(System.getProperty(property))) {
                return false;
            }
        }
        return true;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public Map<String, String> getProperties() {
        if (!evaluationMode()) {
            return Map.of();
        }
        var cache = CacheDirectory.of(
                System.getenv().getOrDefault("CODER_CACHE_DIRECTORY", System.getProperty("coder.cache.directory", "")));
        return Map.of(LOCATION, EvaluationKeys.publicKey(cache).toUri().toString(), ISSUER, EvaluationKeys.ISSUER);
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return getProperties().get(propertyName);
    }

    @Override
    public String getName() {
        return "coder-notifications evaluation key";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
