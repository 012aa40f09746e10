package coder.notifications.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in Coder's (Go's) form: a sequence of decimal numbers, each with an optional fraction and a unit,
 * such as {@code 500ms}, {@code 15s}, {@code 1.5h} or {@code 1h30m}. Units: ns, us (or µs), ms, s, m, h.
 */
public final class CoderDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns",
            1L,
            "us",
            1_000L,
            "µs",
            1_000L,
            "μs",
            1_000L,
            "ms",
            1_000_000L,
            "s",
            1_000_000_000L,
            "m",
            60_000_000_000L,
            "h",
            3_600_000_000_000L);

    private CoderDuration() {}

    /** Parses a duration; negative values are refused because no setting of this service may be negative. */
    public static Duration parse(String text) {
        var trimmed = text.strip();
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        if (trimmed.isEmpty() || trimmed.startsWith("-")) {
            throw new IllegalArgumentException("expected a duration such as 500ms, 15s, 5m or 1h30m");
        }
        return sumOfParts(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
    }

    private static Duration sumOfParts(String text) {
        Matcher part = PART.matcher(text);
        BigDecimal nanos = BigDecimal.ZERO;
        int position = 0;
        while (part.find() && part.start() == position) {
            nanos = nanos.add(
                    new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2)))));
            position = part.end();
        }
        if (position == 0 || position != text.length()) {
            throw new IllegalArgumentException(
                    "expected a duration such as 500ms, 15s, 5m or 1h30m (units: ns, us, ms, s, m, h)");
        }
        return Duration.ofNanos(nanos.longValueExact());
    }

    /** Formats a duration the way Coder prints it, e.g. {@code 1h30m0s}, {@code 500ms}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + "ms";
        }
        var text = new StringBuilder();
        if (duration.toHours() > 0) {
            text.append(duration.toHours()).append('h');
        }
        if (duration.toHours() > 0 || duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        text.append(duration.toSecondsPart());
        if (duration.toMillisPart() > 0) {
            text.append('.')
                    .append(String.format("%03d", duration.toMillisPart()).replaceAll("0+$", ""));
        }
        return text.append('s').toString();
    }
}
