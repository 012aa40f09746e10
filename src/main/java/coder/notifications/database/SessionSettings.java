package coder.notifications.database;

import java.sql.Types;
import java.util.UUID;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * Two EclipseLink defaults that are wrong for this service, corrected once for the persistence unit
 * ({@code eclipselink.session.customizer} in persistence.xml).
 *
 * <ul>
 *   <li>A read that fails for a lost connection is retried three times, five seconds apart, inside the caller's
 *       request: during a database outage every API call would hang for fifteen seconds instead of answering 503
 *       at once. The service retries where it means to (the notifier's next round, the client's Retry-After).
 *   <li>A null bound for a {@code uuid} column is typed {@code VARCHAR}, which PostgreSQL refuses ("column is of
 *       type uuid but expression is of type character varying"). Typed {@code OTHER}, the driver leaves the type
 *       to the server, which takes it from the column.
 * </ul>
 */
public class SessionSettings implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        var login = session.getLogin();
        login.setQueryRetryAttemptCount(0);
        login.setDelayBetweenConnectionAttempts(0);
        for (var descriptor : session.getDescriptors().values()) {
            for (var mapping : descriptor.getMappings()) {
                if (mapping instanceof DirectToFieldMapping direct
                        && isUuid(descriptor.getJavaClass(), direct.getAttributeName())) {
                    direct.getField().setSqlType(Types.OTHER);
                }
            }
        }
    }

    /** Read from the entity class itself: before the session logs in, the mappings do not know their types yet. */
    private static boolean isUuid(Class<?> entity, String attribute) {
        for (var type = entity; type != null; type = type.getSuperclass()) {
            try {
                return type.getDeclaredField(attribute).getType() == UUID.class;
            } catch (NoSuchFieldException e) {
                // declared further up, if anywhere
            }
        }
        return false;
    }
}
