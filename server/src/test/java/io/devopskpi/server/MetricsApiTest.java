package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.store.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} as a Grafana user relies on it: every KPI of {@code /kpis} with the same value, labelled by
 * who delivers and who operates, the window as a label, the server's own counters and JVM figures, and a scrape that
 * {@code promtool check metrics} finds clean.
 *
 * <p>Scenario (clock Feb 1 12:00, default window Jan 2 12:00 → Feb 1 12:00): shop is delivered by acme/web and
 * operated by runops/ops. p1 SUCCESS Jan 10 10:00 with c1 (committed 2 h before) and c2 (24 h before); p2 FAILURE
 * Jan 15 10:00; p3 SUCCESS HOTFIX Jan 15 12:00 with c3 (1 h before), restoring p2; p4 SUCCESS Jan 25 10:00 with c4
 * (5 days before); incident i1 Jan 27 10:00, detected 10:10, resolved 11:00 (more than 24 h after p4, so it fails no
 * change); i2 Jan 30 10:00, detected 10:30, open. lone, unassigned, deploys once on Jan 20. A survey scores acme 4.2
 * (12 respondents) over January.
 */
class MetricsApiTest {
    /** Every KPI gauge (after {@code devops_kpi_} or {@code devops_kpi_supplier_}) and its field in {@code /kpis}. */
    static final Map<String, String> KPIS = new LinkedHashMap<>();

    static {
        KPIS.put("deployments", "deploymentFrequency.deployments");
        KPIS.put("deployments_per_day", "deploymentFrequency.perDay");
        KPIS.put("deployment_dates_per_week_median", "deploymentFrequency.medianDeploymentDaysPerWeek");
        KPIS.put("deployment_dates_per_month_median", "deploymentFrequency.medianDeploymentDaysPerMonth");
        KPIS.put("lead_time_changes", "leadTime.count");
        KPIS.put("lead_time_median_seconds", "leadTime.medianSeconds");
        KPIS.put("lead_time_p90_seconds", "leadTime.p90Seconds");
        KPIS.put("lead_time_mean_seconds", "leadTime.meanSeconds");
        KPIS.put("change_failure_ratio", "changeFailureRate.rate");
        KPIS.put("change_success_ratio", "changeSuccessRate.rate");
        KPIS.put("change_attempts", "changeFailureRate.total");
        KPIS.put("failed_changes", "changeFailureRate.failed");
        KPIS.put("time_to_restore_median_seconds", "timeToRestore.medianSeconds");
        KPIS.put("time_to_restore_mean_seconds", "timeToRestore.meanSeconds");
        KPIS.put("time_to_restore_p90_seconds", "timeToRestore.p90Seconds");
        KPIS.put("open_failures", "timeToRestore.open");
        KPIS.put("time_to_detect_mean_seconds", "timeToDetect.meanSeconds");
        KPIS.put("time_to_detect_median_seconds", "timeToDetect.medianSeconds");
        KPIS.put("time_to_resolve_mean_seconds", "timeToResolve.meanSeconds");
        KPIS.put("time_to_resolve_median_seconds", "timeToResolve.medianSeconds");
        KPIS.put("time_to_resolve_p90_seconds", "timeToResolve.p90Seconds");
        KPIS.put("open_incidents", "timeToResolve.open");
        KPIS.put("rework_ratio", "reworkRate.rate");
        KPIS.put("availability_ratio", "availability.ratio");
        KPIS.put("availability_downtime_seconds", "availability.downtimeSeconds");
    }

    static final String SHOP = "{application=\"shop\",delivery_supplier=\"acme\",delivery_team=\"web\","
            + "operations_supplier=\"runops\",operations_team=\"ops\",environment=\"production\",window=\"30d\"}";
    static final String LONE = "{application=\"lone\",delivery_supplier=\"unassigned\",delivery_team=\"unassigned\","
            + "operations_supplier=\"unassigned\",operations_team=\"unassigned\",environment=\"production\","
            + "window=\"30d\"}";
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{.*\\})?) (\\S+)");

    private TestServer server;
    private int eventsSent;

    @BeforeEach
    void start() {
        StoreConfig store = TestServer.freshStore();
        server = TestServer.start(store, ServerOptions.forTests(store, TestServer.TOKEN, TestServer.CLOCK));
        post(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void post(TestServer target) {
        DashboardEvents events = new DashboardEvents();
        events.assignment("shop", "acme", "web", "DELIVERY", "2025-01-01T00:00:00Z");
        events.assignment("shop", "runops", "ops", "OPERATIONS", "2025-01-01T00:00:00Z");
        changes(events.deployment("p1", "shop", "2026-01-10T10:00:00Z", "SUCCESS"),
                "c1", "2026-01-10T08:00:00Z", "c2", "2026-01-09T10:00:00Z");
        events.deployment("p2", "shop", "2026-01-15T10:00:00Z", "FAILURE");
        JsonObject p3 = events.deployment("p3", "shop", "2026-01-15T12:00:00Z", "SUCCESS");
        p3.addProperty("kind", "HOTFIX");
        changes(p3, "c3", "2026-01-15T11:00:00Z");
        changes(events.deployment("p4", "shop", "2026-01-25T10:00:00Z", "SUCCESS"), "c4", "2026-01-20T10:00:00Z");
        events.incident("i1", "shop", "2026-01-27T10:00:00Z", "2026-01-27T10:10:00Z", "2026-01-27T11:00:00Z");
        events.incident("i2", "shop", "2026-01-30T10:00:00Z", "2026-01-30T10:30:00Z", null);
        events.deployment("l1", "lone", "2026-01-20T10:00:00Z", "SUCCESS");
        events.postTo(target);
        JsonObject survey = new JsonObject();
        survey.addProperty("type", "survey");
        survey.addProperty("id", "2026-01-acme");
        survey.addProperty("supplier", "acme");
        survey.addProperty("from", "2026-01-01T00:00:00Z");
        survey.addProperty("to", "2026-02-01T00:00:00Z");
        survey.addProperty("score", 4.2);
        survey.addProperty("respondents", 12);
        assertThat(target.post(survey.toString()).statusCode()).isEqualTo(200);
        // 2 assignments, 5 deployments, 2 incidents, 1 survey
        eventsSent = 10;
    }

    private static void changes(JsonObject deployment, String... idsAndCommits) {
        JsonArray changes = new JsonArray();
        for (int i = 0; i < idsAndCommits.length; i += 2) {
            JsonObject change = new JsonObject();
            change.addProperty("id", idsAndCommits[i]);
            change.addProperty("committed", idsAndCommits[i + 1]);
            changes.add(change);
        }
        deployment.add("changes", changes);
    }

    @Test
    void exportsEveryKpiOfEachApplicationWithTheValuesOfKpisLabelledByDeliveryAndOperations() {
        Map<String, Double> samples = scrape(server);

        for (String application : List.of("shop", "lone")) {
            JsonObject kpis = TestServer.json(server.get("/api/v1/kpis?application=" + application));
            assertSameValues(samples, "devops_kpi_", application.equals("shop") ? SHOP : LONE, kpis);
        }
        // hand-checked: lead times 1 h, 2 h, 24 h, 5 d: median (7200 + 86400) / 2, p90 86400 + 0.7 × (432000 −
        // 86400), mean 529200 / 4; p2 of 4 attempts failed, restored by p3 after 2 h; p3 of 3 SUCCESS is rework;
        // detection 10 and 30 min; i1 resolved in 1 h, i2 open; down 1 h (i1) + 50 h (i2 up to now) of 30 days
        assertThat(samples).containsEntry("devops_kpi_deployments" + SHOP, 3.0)
                .containsEntry("devops_kpi_lead_time_median_seconds" + SHOP, 46_800.0)
                .hasEntrySatisfying("devops_kpi_lead_time_p90_seconds" + SHOP,
                        p90 -> assertThat(p90).isCloseTo(328_320.0, within(1e-6)))
                .containsEntry("devops_kpi_lead_time_mean_seconds" + SHOP, 132_300.0)
                .containsEntry("devops_kpi_change_success_ratio" + SHOP, 0.75)
                .containsEntry("devops_kpi_time_to_restore_p90_seconds" + SHOP, 7_200.0)
                .containsEntry("devops_kpi_rework_ratio" + SHOP, 1 / 3.0)
                .containsEntry("devops_kpi_time_to_detect_median_seconds" + SHOP, 1_200.0)
                .containsEntry("devops_kpi_time_to_resolve_p90_seconds" + SHOP, 3_600.0)
                .containsEntry("devops_kpi_open_incidents" + SHOP, 1.0)
                .containsEntry("devops_kpi_availability_downtime_seconds" + SHOP, 183_600.0);
        // lone has no changes, failed changes or incidents: those KPIs are undefined and have no sample, never 0
        assertThat(samples.keySet()).filteredOn(s -> s.endsWith(LONE)).extracting(s -> s.substring(0, s.indexOf('{')))
                .containsExactly("devops_kpi_deployments", "devops_kpi_deployments_per_day",
                        "devops_kpi_deployment_dates_per_week_median", "devops_kpi_deployment_dates_per_month_median",
                        "devops_kpi_lead_time_changes", "devops_kpi_change_failure_ratio",
                        "devops_kpi_change_success_ratio", "devops_kpi_change_attempts", "devops_kpi_failed_changes",
                        "devops_kpi_open_failures", "devops_kpi_open_incidents", "devops_kpi_rework_ratio",
                        "devops_kpi_availability_ratio", "devops_kpi_availability_downtime_seconds");
    }

    @Test
    void exportsEveryKpiOfEachSupplierWithTheValuesOfSuppliersAndItsSatisfaction() {
        Map<String, Double> samples = scrape(server);

        JsonArray suppliers = TestServer.json(server.get("/api/v1/suppliers")).getAsJsonArray("suppliers");
        Set<String> names = new TreeSet<>();
        for (JsonElement entry : suppliers) {
            String supplier = entry.getAsJsonObject().get("supplier").getAsString();
            names.add(supplier);
            assertSameValues(samples, "devops_kpi_supplier_",
                    "{supplier=\"" + supplier + "\",environment=\"production\",window=\"30d\"}",
                    entry.getAsJsonObject().getAsJsonObject("kpis"));
        }
        assertThat(names).containsExactly("acme", "runops", "unassigned");
        // acme only delivers shop: no operations figures; runops only runs it: no lead time, but its downtime
        String acme = "{supplier=\"acme\",environment=\"production\",window=\"30d\"}";
        String runops = "{supplier=\"runops\",environment=\"production\",window=\"30d\"}";
        assertThat(samples).containsEntry("devops_kpi_supplier_failed_changes" + acme, 1.0)
                .doesNotContainKey("devops_kpi_supplier_availability_ratio" + acme)
                .doesNotContainKey("devops_kpi_supplier_availability_downtime_seconds" + acme)
                .doesNotContainKey("devops_kpi_supplier_lead_time_median_seconds" + runops)
                .containsEntry("devops_kpi_supplier_availability_downtime_seconds" + runops, 183_600.0)
                .containsEntry("devops_kpi_supplier_stakeholder_satisfaction" + acme, 4.2);
        assertThat(samples.keySet()).filteredOn(s -> s.startsWith("devops_kpi_supplier_stakeholder_satisfaction"))
                .containsExactly("devops_kpi_supplier_stakeholder_satisfaction" + acme);
    }

    @Test
    void computesOverTheConfiguredWindowAndNamesItInEverySample() {
        StoreConfig store = TestServer.freshStore();
        try (TestServer week = TestServer.start(store, new ServerOptions("127.0.0.1", 0, store, TestServer.TOKEN,
                null, TestServer.CLOCK, KpiSettings.defaults(), Duration.ofDays(7)))) {
            post(week);
            Map<String, Double> samples = scrape(week);

            String shop = SHOP.replace("window=\"30d\"", "window=\"7d\"");
            assertSameValues(samples, "devops_kpi_", shop,
                    TestServer.json(week.get("/api/v1/kpis?application=shop&window=P7D")));
            // Jan 25 12:00 → Feb 1 12:00: p4 (Jan 25 10:00) is out; i1 and i2 are in
            assertThat(samples).containsEntry("devops_kpi_deployments" + shop, 0.0)
                    .containsEntry("devops_kpi_time_to_resolve_mean_seconds" + shop, 3_600.0);
            assertThat(samples.keySet()).filteredOn(s -> s.startsWith("devops_kpi_") && s.contains("{"))
                    .filteredOn(s -> !s.startsWith("devops_kpi_http_") && !s.startsWith("devops_kpi_ingest_")
                            && !s.startsWith("devops_kpi_build_info"))
                    .isNotEmpty().allMatch(s -> s.contains(",window=\"7d\"}"));
        }
    }

    @Test
    void countsRequestsByRoutePatternAndEventsByOutcome() throws InterruptedException {
        server.get("/api/v1/kpis?application=shop");
        server.get("/api/v1/kpis?application=lone");
        server.get("/api/v1/scorecards/acme?period=2026-01");
        server.get("/api/v1/no-such-thing");
        server.post(Events.batch(Events.deployment("late")));
        server.post(Events.batch(Events.deployment("late")));
        server.post("[{\"type\": \"deployment\"}]");

        String requests = "devops_kpi_http_requests_total{route=";
        Map<String, Double> samples = scrapeUntil(server, s -> s.containsKey(requests
                + "\"unmatched\",method=\"GET\",status=\"404\"}"));

        // the setup's two POSTs, the three here: 4 stored, 1 refused
        assertThat(samples).containsEntry(requests + "\"/api/v1/events\",method=\"POST\",status=\"200\"}", 4.0)
                .containsEntry(requests + "\"/api/v1/events\",method=\"POST\",status=\"400\"}", 1.0)
                .containsEntry(requests + "\"/api/v1/kpis\",method=\"GET\",status=\"200\"}", 2.0)
                .containsEntry(requests + "\"/api/v1/scorecards/{supplier}\",method=\"GET\",status=\"200\"}", 1.0)
                .containsEntry(requests + "\"unmatched\",method=\"GET\",status=\"404\"}", 1.0)
                .containsEntry("devops_kpi_ingest_events_total{outcome=\"accepted\"}", eventsSent + 1.0)
                .containsEntry("devops_kpi_ingest_events_total{outcome=\"duplicate\"}", 1.0)
                .containsEntry("devops_kpi_ingest_events_total{outcome=\"updated\"}", 0.0)
                .containsEntry("devops_kpi_ingest_refused_batches_total{reason=\"invalid\"}", 1.0)
                .containsEntry("devops_kpi_ingest_refused_batches_total{reason=\"conflict\"}", 0.0);
        // a path asked for is never a label: one series per route, not per URL
        assertThat(samples.keySet()).noneMatch(s -> s.contains("no-such-thing") || s.contains("scorecards/acme"));
    }

    @Test
    void reportsTheBuildAndTheJvmAtEveryScrape() {
        Map<String, Double> samples = scrape(server);

        assertThat(samples.keySet()).filteredOn(s -> s.startsWith("devops_kpi_build_info"))
                .singleElement().asString().matches("devops_kpi_build_info\\{version=\"\\d+\\.\\d+\\.\\d+[^\"$]*\"}")
                .satisfies(info -> assertThat(samples.get(info)).isEqualTo(1.0));
        double now = System.currentTimeMillis() / 1e3;
        assertThat(samples.get("process_start_time_seconds")).isBetween(now - 86_400, now);
        assertThat(samples.get("process_uptime_seconds")).isPositive();
        assertThat(samples.get("process_cpu_seconds_total")).isPositive();
        assertThat(samples.get("process_open_fds")).isPositive().isLessThanOrEqualTo(samples.get("process_max_fds"));
        assertThat(samples.get("jvm_memory_used_bytes{area=\"heap\"}")).isPositive()
                .isLessThanOrEqualTo(samples.get("jvm_memory_committed_bytes{area=\"heap\"}"));
        assertThat(samples.get("jvm_threads_current")).isPositive()
                .isLessThanOrEqualTo(samples.get("jvm_threads_peak"));
    }

    @Test
    void passesPromtoolCheckMetrics() throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            fail("promtool is missing: install Debian's prometheus package "
                    + "(apt-get install -y --no-install-recommends prometheus), as scripts/test-all.sh does");
        }
        server.get("/api/v1/no-such-thing");
        String body = server.get("/metrics").body();
        // a lint over a scrape without every kind of family would prove little
        assertThat(body).contains("devops_kpi_build_info{", "# TYPE devops_kpi_ingest_events_total counter",
                "devops_kpi_lead_time_p90_seconds{", "devops_kpi_supplier_stakeholder_satisfaction{",
                "process_open_fds ", "jvm_memory_used_bytes{");

        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = check.getOutputStream()) {
            in.write(body.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream output = check.getInputStream()) {
            output.transferTo(out);
        }
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        String lint = out.toString(StandardCharsets.UTF_8);
        assertThat(lint).as("promtool's findings").isEmpty();
        assertThat(check.exitValue()).as(lint).isZero();
    }

    /**
     * Each KPI gauge with these labels has the value of its {@code /kpis} field, and no sample where that is null;
     * the downtime, 0 in {@code /kpis} for a scope without applications, has a sample only with an availability.
     */
    private static void assertSameValues(Map<String, Double> samples, String prefix, String labels, JsonObject kpis) {
        for (Map.Entry<String, String> kpi : KPIS.entrySet()) {
            String[] path = kpi.getValue().split("\\.");
            JsonElement value = kpis.getAsJsonObject(path[0]).get(path[1]);
            if (kpi.getKey().equals("availability_downtime_seconds")
                    && kpis.getAsJsonObject("availability").get("ratio").isJsonNull()) {
                value = null;
            }
            String series = prefix + kpi.getKey() + labels;
            if (value == null || value.isJsonNull()) {
                assertThat(samples).as(series).doesNotContainKey(series);
            } else {
                assertThat(samples).as(series).containsEntry(series, value.getAsDouble());
            }
        }
        // no KPI gauge that this comparison does not know (satisfaction is not in /kpis: checked by the caller)
        Set<String> exported = new TreeSet<>();
        for (String series : samples.keySet()) {
            if (series.startsWith(prefix) && series.endsWith(labels)) {
                exported.add(series.substring(prefix.length(), series.length() - labels.length()));
            }
        }
        exported.remove("stakeholder_satisfaction");
        assertThat(KPIS.keySet()).containsAll(exported);
    }

    /** The scrape's samples by name and labels as written. */
    static Map<String, Double> scrape(TestServer target) {
        var response = target.get("/metrics");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as(line).isTrue();
            assertThat(samples.put(sample.group(1), Double.parseDouble(sample.group(2)))).as("twice: " + line)
                    .isNull();
        }
        return samples;
    }

    /** Requests are counted once answered, which may be a moment after the client has the answer. */
    private static Map<String, Double> scrapeUntil(TestServer target,
            Predicate<Map<String, Double>> done) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            Map<String, Double> samples = scrape(target);
            if (done.test(samples)) {
                return samples;
            }
            Thread.sleep(100);
        }
        return scrape(target);
    }
}
