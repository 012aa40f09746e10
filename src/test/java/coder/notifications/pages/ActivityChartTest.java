package coder.notifications.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.messages.ActivityStore.Bucket;
import coder.notifications.messages.ActivityStore.Counts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ActivityChartTest {

    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void everySeriesHasABarPerBucketAndTheChartSaysWhatItShows() {
        var buckets = new ArrayList<Bucket>();
        for (int i = 0; i < 60; i++) {
            buckets.add(
                    new Bucket(START.plus(Duration.ofMinutes(i)), new Counts(i == 42 ? 30 : 1, 0, i == 7 ? 2 : 0, 0)));
        }
        var svg = ActivityChart.svg("c", "Per minute", buckets, "HH:mm");
        for (var series : ActivityChart.SERIES) {
            var group = Pattern.compile("data-series=\"" + series.name() + "\">(.*?)</g>")
                    .matcher(svg);
            assertTrue(group.find(), series.name());
            assertEquals(60, group.group(1).split("<rect ", -1).length - 1, series.name());
        }
        assertTrue(svg.contains("role=\"img\""));
        assertTrue(
                svg.contains("<desc id=\"c-desc\">89 sent, 0 not sent: turned off, 0 failed, will retry, 2 failed from"
                        + " 10:00 to 10:59 UTC. Busiest: 10:42 with 30.</desc>"),
                svg);
        assertTrue(svg.contains("<title>10:42 UTC: 30 sent</title>"), svg);
        assertEquals(50, ActivityChart.nice(31), "the axis ends at a round number");
    }

    @Test
    void textIsEscapedAndAnEmptyChartSaysSo() {
        var svg = ActivityChart.svg("c", "<script>", java.util.List.of(), "HH:mm");
        assertFalse(svg.contains("<script>"));
        assertTrue(svg.contains("No data."));
    }

    @Test
    void nothingHappenedDrawsFlatBarsOnAnAxisOfTwo() {
        var svg = ActivityChart.svg("c", "t", java.util.List.of(new Bucket(START, new Counts(0, 0, 0, 0))), "HH:mm");
        assertTrue(svg.contains("height=\"0.0\""), svg);
        assertTrue(svg.contains(">2</text>"), svg);
        assertFalse(svg.contains("Busiest"), svg);
    }

    @Test
    void agesAreSaidAsPeopleSayThem() {
        assertEquals("45 s", OverviewTab.age(Duration.ofSeconds(45)));
        assertEquals("12 min", OverviewTab.age(Duration.ofMinutes(12)));
        assertEquals("3 h 5 min", OverviewTab.age(Duration.ofMinutes(185)));
        assertEquals("2 days 4 h", OverviewTab.age(Duration.ofHours(52)));
    }
}
