package coder.notifications.pages;

import coder.notifications.messages.ActivityStore.Bucket;
import coder.notifications.messages.ActivityStore.Counts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The overview's chart of outcomes over time as server-side SVG: one stacked bar per minute or hour (sent, inhibited,
 * failed and will retry, failed), drawn without any script or library, with a title and a description that say in
 * words what it shows (the text alternative) and a tooltip per bar. Each series is a group of one bar per bucket,
 * zero-height where nothing happened, so its length is the number of buckets.
 */
public final class ActivityChart {

    /** A series of the chart, bottom to top: its name (the status), the words of its legend and its count. */
    record Series(String name, String words, ToLongFunction<Counts> count) {}

    static final List<Series> SERIES = List.of(
            new Series("sent", "Sent", Counts::sent),
            new Series("inhibited", "Not sent: turned off", Counts::inhibited),
            new Series("temporary_failure", "Failed, will retry", Counts::temporaryFailures),
            new Series("permanent_failure", "Failed", Counts::permanentFailures));

    static final int WIDTH = 720;
    static final int HEIGHT = 180;
    private static final int LEFT = 44;
    private static final int BOTTOM = 22;
    private static final int TOP = 8;

    private ActivityChart() {}

    /**
     * @param id the element id, also the prefix of the ids its title and description get
     * @param title what the chart shows, e.g. "Outcomes per minute, last hour"
     * @param pattern how a bucket's start is written under the chart and in its tooltip (UTC)
     */
    public static String svg(String id, String title, List<Bucket> buckets, String pattern) {
        var time = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
        long highest = 1;
        for (var bucket : buckets) {
            highest = Math.max(highest, total(bucket.counts()));
        }
        var scale = nice(highest);
        var plotWidth = WIDTH - LEFT - 4;
        var plotHeight = HEIGHT - TOP - BOTTOM;
        var slot = (double) plotWidth / Math.max(1, buckets.size());
        var bar = Math.max(1.0, slot * 0.8);
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"")
                .append(id)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\" data-buckets=\"")
                .append(buckets.size())
                .append("\">");
        svg.append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(title))
                .append("</title>");
        svg.append("<desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(escape(description(buckets, time)))
                .append("</desc>");
        // Grid: the scale's top and middle, and the baseline.
        for (var step : new long[] {0, scale / 2, scale}) {
            var y = TOP + plotHeight - (double) step / scale * plotHeight;
            svg.append("<line class=\"grid\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - 4)
                    .append("\" y1=\"")
                    .append(number(y))
                    .append("\" y2=\"")
                    .append(number(y))
                    .append("\"/><text class=\"axis\" x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(number(y + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(step)
                    .append("</text>");
        }
        var base = new double[buckets.size()];
        for (var series : SERIES) {
            svg.append("<g class=\"series series-")
                    .append(series.name())
                    .append("\" data-series=\"")
                    .append(series.name())
                    .append("\">");
            for (int i = 0; i < buckets.size(); i++) {
                var bucket = buckets.get(i);
                var count = series.count().applyAsLong(bucket.counts());
                var height = (double) count / scale * plotHeight;
                var y = TOP + plotHeight - base[i] - height;
                base[i] += height;
                svg.append("<rect x=\"")
                        .append(number(LEFT + i * slot + (slot - bar) / 2))
                        .append("\" y=\"")
                        .append(number(y))
                        .append("\" width=\"")
                        .append(number(bar))
                        .append("\" height=\"")
                        .append(number(height))
                        .append("\" data-count=\"")
                        .append(count)
                        .append("\"><title>")
                        .append(escape(time.format(bucket.start()) + " UTC: " + count + " "
                                + series.words().toLowerCase()))
                        .append("</title></rect>");
            }
            svg.append("</g>");
        }
        // The first, middle and last bucket's time under the bars, the outer two kept inside the chart.
        if (!buckets.isEmpty()) {
            var last = buckets.size() - 1;
            for (var i : new int[] {0, buckets.size() / 2, last}) {
                var anchor = i == 0 ? "start" : i == last ? "end" : "middle";
                var x = i == 0 ? LEFT + i * slot : i == last ? LEFT + (i + 1) * slot : LEFT + i * slot + slot / 2;
                svg.append("<text class=\"axis\" x=\"")
                        .append(number(x))
                        .append("\" y=\"")
                        .append(HEIGHT - 6)
                        .append("\" text-anchor=\"")
                        .append(anchor)
                        .append("\">")
                        .append(escape(time.format(buckets.get(i).start())))
                        .append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The chart in words: the totals of each series and the busiest bucket. */
    static String description(List<Bucket> buckets, DateTimeFormatter time) {
        if (buckets.isEmpty()) {
            return "No data.";
        }
        var said = new StringBuilder();
        for (var series : SERIES) {
            var sum = buckets.stream()
                    .mapToLong(bucket -> series.count().applyAsLong(bucket.counts()))
                    .sum();
            said.append(said.isEmpty() ? "" : ", ")
                    .append(sum)
                    .append(' ')
                    .append(series.words().toLowerCase());
        }
        var busiest = buckets.get(0);
        for (var bucket : buckets) {
            if (total(bucket.counts()) > total(busiest.counts())) {
                busiest = bucket;
            }
        }
        said.append(" from ")
                .append(time.format(buckets.get(0).start()))
                .append(" to ")
                .append(time.format(buckets.get(buckets.size() - 1).start()))
                .append(" UTC.");
        if (total(busiest.counts()) > 0) {
            said.append(" Busiest: ")
                    .append(time.format(busiest.start()))
                    .append(" with ")
                    .append(total(busiest.counts()))
                    .append('.');
        }
        return said.toString();
    }

    static long total(Counts counts) {
        return counts.sent() + counts.inhibited() + counts.failures();
    }

    /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code value} (an axis people read at once). */
    static long nice(long value) {
        long power = 1;
        while (true) {
            for (var step : new long[] {1, 2, 5}) {
                if (step * power >= value) {
                    return Math.max(2, step * power);
                }
            }
            power *= 10;
        }
    }

    private static String number(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
