package coder.notifications.unsubscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeTokenTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final UnsubscribeToken TOKEN =
            new UnsubscribeToken(UUID.randomUUID(), UUID.randomUUID(), NOW.plus(Duration.ofDays(60)));

    @Test
    void aSignedTokenNamesItsUserAndTemplate() {
        var token = TOKEN.sign(KEY);
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), token);
        assertEquals(Optional.of(TOKEN), UnsubscribeToken.verify(token, KEY, NOW));
    }

    @Test
    void aTokenExpiresAfterItsTime() {
        assertEquals(Optional.empty(), UnsubscribeToken.verify(TOKEN.sign(KEY), KEY, NOW.plus(Duration.ofDays(60))));
    }

    @Test
    void anotherKeyOrAnyChangedCharacterIsRefused() {
        var token = TOKEN.sign(KEY);
        assertEquals(
                Optional.empty(), UnsubscribeToken.verify(token, "another key of thirty-two bytes!".getBytes(), NOW));
        for (int i = 0; i < token.length(); i++) {
            var changed = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
            if (!changed.equals(token)) {
                assertEquals(Optional.empty(), UnsubscribeToken.verify(changed, KEY, NOW), changed);
            }
        }
    }

    @Test
    void malformedTokensAreRefused() {
        for (var token :
                new String[] {null, "", ".", "a.b.c", "!!!.???", "AAAA.AAAA", TOKEN.sign(KEY) + ".x", "x".repeat(500)
                }) {
            assertEquals(Optional.empty(), UnsubscribeToken.verify(token, KEY, NOW), String.valueOf(token));
        }
    }
}
