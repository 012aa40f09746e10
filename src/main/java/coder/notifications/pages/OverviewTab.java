package coder.notifications.pages;

import coder.notifications.audit.AuditFilter;
import coder.notifications.audit.AuditStore;
import coder.notifications.dispatch.KillSwitch;
import coder.notifications.messages.ActivityStore;
import coder.notifications.users.UserStore;
import coder.notifications.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's first tab: how delivery is going at a glance. Outcomes of the last 24 hours, charts per minute (last
 * hour) and per hour (last 7 days), the queue now and the age of its oldest message, whether delivery runs (and who
 * paused it, when, from the audit), and the most frequent failure reasons with a link to their messages. Every
 * figure comes from {@link ActivityStore}'s bounded statements; the tab refreshes itself.
 */
@ApplicationScoped
public class OverviewTab {

    /** Waiting messages are counted up to this many ("more than 20,000"): a walk of each leasable index's head. */
    static final int QUEUE_CAP = 20_000;

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** Who paused delivery, and when ({@code by} is empty when the audit does not tell). */
    public record DeliveryState(boolean paused, String by, String sinceIso, String since) {}

    /** A failure reason with its count and the Messages tab's link to the messages that failed with it. */
    public record ReasonRow(String reason, long count, String link) {}

    /** The queue in words: "1,234" or "more than 20,000"; its oldest waiting message's age, "" when none waits. */
    public record QueueRow(String waiting, long sending, String oldestAge, String oldestIso) {}

    @Inject
    ActivityStore activity;

    @Inject
    KillSwitch killSwitch;

    @Inject
    AuditStore audit;

    @Inject
    UserStore users;

    @Inject
    Clock clock;

    void fill(Map<String, Object> values) {
        var day = activity.lastDay();
        values.put("day", day);
        var queue = activity.queue(QUEUE_CAP);
        values.put(
                "queue",
                new QueueRow(
                        (queue.capped() ? "more than " : "") + String.format("%,d", queue.waiting()),
                        queue.sending(),
                        queue.oldestWaiting()
                                .map(oldest -> age(Duration.between(oldest, clock.instant())))
                                .orElse(""),
                        queue.oldestWaiting().map(Instant::toString).orElse("")));
        values.put("state", deliveryState());
        values.put(
                "reasons",
                activity.topFailureReasons(5).stream()
                        .map(reason -> new ReasonRow(
                                reason.reason().isEmpty() ? "(no reason given)" : reason.reason(),
                                reason.count(),
                                Console.PATH + "?tab=messages&failed=1&reason="
                                        + URLEncoder.encode(reason.reason(), StandardCharsets.UTF_8) + "&from="
                                        + MessagesTab.encode(MessagesTab.local(clock.instant()
                                                .minus(Duration.ofHours(24))
                                                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)))))
                        .toList());
        values.put(
                "minuteChart",
                ActivityChart.svg(
                        "chart-minutes", "Outcomes per minute, last hour (UTC)", activity.perMinute(60), "HH:mm"));
        values.put(
                "hourChart",
                ActivityChart.svg(
                        "chart-hours", "Outcomes per hour, last 7 days (UTC)", activity.perHour(7 * 24), "EEE HH:00"));
        values.put(
                "series",
                ActivityChart.SERIES.stream()
                        .map(series -> Map.of("name", series.name(), "words", series.words()))
                        .toList());
    }

    private DeliveryState deliveryState() {
        var paused = killSwitch.paused();
        // The newest change of the kill switch says who set the state it is in now.
        var last =
                audit
                        .page(new AuditFilter(Optional.of(AuditStore.SETTINGS), Optional.empty(), Optional.empty(), 1))
                        .stream()
                        .findFirst();
        var by = last.flatMap(entry -> Optional.ofNullable(entry.actorId()))
                .flatMap(id -> users.byIds(List.of(id)).stream().findFirst())
                .map(OverviewTab::name)
                .or(() -> last.flatMap(entry -> Optional.ofNullable(entry.actorId()))
                        .map(Object::toString))
                .orElse("");
        return new DeliveryState(
                paused,
                by,
                last.map(entry -> entry.time().toString()).orElse(""),
                last.map(entry -> TIME.format(entry.time())).orElse(""));
    }

    /** "45 s", "12 min", "3 h 5 min", "2 days 4 h": how long a message has waited, as people say it. */
    static String age(Duration age) {
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        if (age.toMinutes() < 1) {
            return age.toSeconds() + " s";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h " + age.toMinutesPart() + " min";
        }
        return age.toDays() + (age.toDays() == 1 ? " day " : " days ") + age.toHoursPart() + " h";
    }

    static String name(UserView user) {
        return user.name().isBlank() ? user.username() : user.name();
    }
}
