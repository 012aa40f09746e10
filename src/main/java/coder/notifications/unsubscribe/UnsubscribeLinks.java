package coder.notifications.unsubscribe;

import coder.notifications.config.DeploymentSettings;
import coder.notifications.security.SiteKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Makes and checks the signed one-click unsubscribe links of SPEC 11, with the key every replica shares. */
@ApplicationScoped
public class UnsubscribeLinks {

    public static final String PATH = "/notifications/unsubscribe";
    static final Duration VALID_FOR = Duration.ofDays(60);

    @Inject
    SiteKeyStore keys;

    @Inject
    DeploymentSettings deployment;

    @Inject
    Clock clock;

    private volatile byte[] key;

    /** The link that turns off the template for the user, good for 60 days. */
    public String url(UUID userId, UUID templateId) {
        var token = new UnsubscribeToken(userId, templateId, clock.instant().plus(VALID_FOR)).sign(key());
        return deployment.page(PATH) + "?token=" + token;
    }

    /** What a token names, if it is genuine and current. */
    public Optional<UnsubscribeToken> verify(String token) {
        return UnsubscribeToken.verify(token, key(), clock.instant());
    }

    /** The shared key, read from the database once: every message's link is signed on the delivery path. */
    private byte[] key() {
        var known = key;
        if (known == null) {
            known = keys.key(SiteKeyStore.UNSUBSCRIBE);
            key = known;
        }
        return known;
    }
}
