package coder.notifications.security;

import coder.notifications.config.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one {@link TokenVerifier} of the process, built from the settings read at start-up. */
@ApplicationScoped
public class TokenVerifiers {

    @Produces
    @Singleton
    TokenVerifier verifier(TokenSettings settings) {
        return TokenVerifier.of(settings);
    }
}
