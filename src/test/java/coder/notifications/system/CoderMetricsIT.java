package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Coder's notifier metrics, as Coder's own TestMetrics checks them, on a service of its own (fresh counters):
 * one message delivered, one failing until its last of three attempts, one of a template whose method is
 * overridden to smtp.
 */
class CoderMetricsIT {

    static final String WORKSPACE_DELETED = "f517da0b-cdc9-410f-ab89-a86107c420ed";
    static final String TEMPLATE_DELETED = "29a09665-2a4c-403f-9648-54301670e7be";
    static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? ([-+0-9.eE]+|NaN)");

    @Test
    void everyFamilyMovesAsInCoder() throws Exception {
        var settings = new HashMap<>(SharedService.patientSettings());
        settings.put("CODER_PG_CONNECTION_URL", TestDatabase.fresh("metrics"));
        settings.put("CODER_EMAIL_FROM", "notifications@example.com");
        settings.put("CODER_EMAIL_SMARTHOST", SharedService.RELAY.smarthost());
        try (var service = ServiceProcess.start("metrics", settings)) {
            var api = new Api(service);
            var delivered = api.user("Della Delivered", "member");
            var failing = api.user("Fay Failing", "member");
            SharedService.RECEIVER.script(failing, 500, 500, 500);
            var ok = id(
                    api,
                    Map.of(
                            "template",
                            "Workspace Deleted",
                            "user_id",
                            delivered.toString(),
                            "labels",
                            Map.of("name", "w1")));
            var bad = id(
                    api,
                    Map.of(
                            "template",
                            "Workspace Deleted",
                            "user_id",
                            failing.toString(),
                            "labels",
                            Map.of("name", "w2")));
            api.request()
                    .body(Map.of("method", "smtp"))
                    .put("/notifications/templates/" + TEMPLATE_DELETED + "/method")
                    .then()
                    .statusCode(200);
            var mailed = id(
                    api,
                    Map.of(
                            "template",
                            "Template Deleted",
                            "recipients",
                            List.of(delivered.toString()),
                            "labels",
                            Map.of("name", "docker", "initiator", "danny")));
            api.awaitStatus(ok, "sent", Duration.ofSeconds(30));
            api.awaitStatus(mailed, "sent", Duration.ofSeconds(30));
            api.awaitStatus(bad, "permanent_failure", Duration.ofSeconds(60));
            // Results are counted as their writes finish, a moment after the status reads as final: scrape until the
            // last write is counted (30 s at most), then check every figure.
            var metrics = scrape(service);
            var deadline = Instant.now().plus(Duration.ofSeconds(30));
            while ((value(metrics, "coderd_notifications_pending_updates", Map.of()) != 0
                            || value(metrics, "coderd_notifications_synced_updates_total", Map.of()) < 5)
                    && Instant.now().isBefore(deadline)) {
                Api.sleep(100);
                metrics = scrape(service);
            }
            var webhook = Map.of("method", "webhook", "notification_template_id", WORKSPACE_DELETED);
            assertEquals(
                    1,
                    value(metrics, "coderd_notifications_dispatch_attempts_total", with(webhook, "result", "success")));
            assertEquals(
                    2,
                    value(
                            metrics,
                            "coderd_notifications_dispatch_attempts_total",
                            with(webhook, "result", "temp_fail")));
            assertEquals(
                    1,
                    value(
                            metrics,
                            "coderd_notifications_dispatch_attempts_total",
                            with(webhook, "result", "perm_fail")));
            assertEquals(2, value(metrics, "coderd_notifications_retry_count", webhook));
            assertEquals(0, value(metrics, "coderd_notifications_inflight_dispatches", webhook));
            assertEquals(
                    1,
                    value(
                            metrics,
                            "coderd_notifications_dispatch_attempts_total",
                            Map.of(
                                    "method",
                                    "smtp",
                                    "notification_template_id",
                                    TEMPLATE_DELETED,
                                    "result",
                                    "success")),
                    "an overridden template carries its own method");
            assertEquals(4, value(metrics, "coderd_notifications_queued_seconds_count", Map.of("method", "webhook")));
            assertEquals(
                    4,
                    value(metrics, "coderd_notifications_dispatcher_send_seconds_count", Map.of("method", "webhook")));
            assertEquals(
                    1, value(metrics, "coderd_notifications_dispatcher_send_seconds_count", Map.of("method", "smtp")));
            assertEquals(
                    List.of(1.0, 2.5, 5.0, 7.5, 10.0, 15.0, 20.0, 30.0, 60.0, 120.0, 300.0, 600.0, 3600.0),
                    buckets(metrics, "coderd_notifications_queued_seconds_bucket", "webhook"));
            assertEquals(
                    List.of(0.001, 0.05, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0),
                    buckets(metrics, "coderd_notifications_dispatcher_send_seconds_bucket", "webhook"));
            assertEquals(0, value(metrics, "coderd_notifications_pending_updates", Map.of()));
            assertTrue(value(metrics, "coderd_notifications_synced_updates_total", Map.of()) >= 5, metrics.toString());
        }
    }

    private static String id(Api api, Map<String, Object> event) {
        return api.event(event)
                .then()
                .statusCode(202)
                .extract()
                .path("messages[0].id")
                .toString();
    }

    /** Every sample of /metrics as name, labels and value. */
    record Sample(String name, String labels, double value) {}

    private static List<Sample> scrape(ServiceProcess service) {
        var text = io.restassured.RestAssured.given()
                .baseUri(service.uri("").toString())
                .get("/metrics")
                .asString();
        var samples = new ArrayList<Sample>();
        text.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            var matcher = SAMPLE.matcher(line);
            if (matcher.matches()) {
                samples.add(new Sample(
                        matcher.group(1),
                        matcher.group(2) == null ? "" : matcher.group(2),
                        Double.parseDouble(matcher.group(3))));
            }
        });
        return samples;
    }

    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        var found = samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> labels.entrySet().stream()
                        .allMatch(label -> sample.labels().contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .toList();
        assertEquals(
                1,
                found.size(),
                name + labels + " in "
                        + samples.stream()
                                .filter(sample -> sample.name().startsWith("coderd_"))
                                .toList());
        return found.get(0).value();
    }

    private static List<Double> buckets(List<Sample> samples, String name, String method) {
        var le = Pattern.compile("le=\"([^\"]+)\"");
        return samples.stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().contains("method=\"" + method + "\""))
                .map(sample -> le.matcher(sample.labels()))
                .filter(java.util.regex.Matcher::find)
                .map(matcher -> matcher.group(1))
                .filter(bound -> !bound.equals("+Inf"))
                .map(Double::parseDouble)
                .sorted()
                .toList();
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        var all = new HashMap<>(labels);
        all.put(name, value);
        return all;
    }
}
