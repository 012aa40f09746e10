package coder.notifications.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CoderDurationTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "15s, PT15S",
        "5m, PT5M",
        "1h30m, PT1H30M",
        "1h30m15s, PT1H30M15S",
        "2h, PT2H",
        "1.5h, PT1H30M",
        "0.5s, PT0.5S",
        ".5s, PT0.5S",
        "100us, PT0.0001S",
        "100µs, PT0.0001S",
        "250ns, PT0.00000025S",
        "0, PT0S",
        "+3s, PT3S",
        "' 2m ', PT2M",
        "1m1ms, PT1M0.001S"
    })
    void parsesEveryFormCoderAccepts(String text, Duration expected) {
        assertEquals(expected, CoderDuration.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5 m", "m", "-5s", "5x", "1h-30m", "1.2.3s", "15S", "abc", "10ms5"})
    void refusesWhatIsNotADuration(String text) {
        assertThrows(IllegalArgumentException.class, () -> CoderDuration.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"PT0.5S, 500ms", "PT15S, 15s", "PT1H30M, 1h30m0s", "PT2M, 2m0s", "PT0S, 0s", "PT1.25S, 1.25s"})
    void formatsAsCoderPrints(Duration duration, String expected) {
        assertEquals(expected, CoderDuration.format(duration));
    }
}
