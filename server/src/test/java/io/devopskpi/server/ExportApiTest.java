package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.devopskpi.core.export.DeploymentCsv;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CSV export and the Prometheus scrape over real HTTP. Scenario (clock Feb 1 12:00): shop is acme/web for
 * delivery and operations; p1 SUCCESS Jan 20 10:00 from a pipeline whose name holds a comma, quotes and a newline,
 * with one change committed 2 h before; p2 FAILURE Jan 25 10:00 (open: nothing restores it); incident i1 names p1,
 * Jan 27 10:00, detected 10:10, resolved 11:00; four applications named like spreadsheet formulas and one named
 * with a quote and a backslash deploy once each, unassigned; shop also deploys to staging.
 */
class ExportApiTest {
    static final String PIPELINE = "build, \"fast\"\nrelease";
    static final String ESCAPED = "a\"b\\c";
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)");

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
        DashboardEvents events = new DashboardEvents();
        events.assignment("shop", "acme", "web", "BOTH", "2025-01-01T00:00:00Z");
        JsonObject p1 = events.deployment("p1", "shop", "2026-01-20T10:00:00Z", "SUCCESS");
        p1.addProperty("pipeline", PIPELINE);
        JsonArray changes = new JsonArray();
        JsonObject change = new JsonObject();
        change.addProperty("id", "c1");
        change.addProperty("committed", "2026-01-20T08:00:00Z");
        changes.add(change);
        p1.add("changes", changes);
        for (int i = 0; i < FORMULAS.size(); i++) {
            events.deployment("x" + i, FORMULAS.get(i), "2026-01-2" + (i + 1) + "T10:00:00Z", "SUCCESS");
        }
        events.deployment("p2", "shop", "2026-01-25T10:00:00Z", "FAILURE");
        events.deployment("q1", ESCAPED, "2026-01-26T10:00:00Z", "SUCCESS");
        events.incident("i1", "shop", "2026-01-27T10:00:00Z", "2026-01-27T10:10:00Z", "2026-01-27T11:00:00Z")
                .addProperty("cause", "p1");
        events.deployment("s1", "shop", "2026-01-28T10:00:00Z", "SUCCESS").addProperty("environment", "staging");
        events.postTo(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void exportsEveryDeploymentAsRfc4180WithFormulasNeutralised() {
        HttpResponse<String> response = server.get("/api/v1/export.csv?from=2026-01-01T00:00:00Z"
                + "&to=2026-02-01T00:00:00Z");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualTo("text/csv;charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"devops-kpi-deployments.csv\"");
        assertThat(response.body()).contains("\"build, \"\"fast\"\"\nrelease\"", "\"'=HYPERLINK(\"\"x\"\")\"");

        List<List<String>> rows = Rfc4180.parse(response.body());
        assertThat(rows.get(0)).isEqualTo(DeploymentCsv.HEADER);
        // newest first: q1 (Jan 26), p2, x3, x2, x1, x0, p1 (Jan 20); the staging deployment is not production
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0))
                .containsExactly("q1", "p2", "x3", "x2", "x1", "x0", "p1");
        assertThat(rows.subList(3, 7)).extracting(r -> r.get(1))
                .containsExactly("'@SUM(A1)", "'-1", "'+1", "'=HYPERLINK(\"x\")");
        // p1: failed because i1 names it; failure from i1's start (10:00) to its resolution (11:00)
        assertThat(rows.get(7)).containsExactly("p1", "shop", "production", "2026-01-20T09:50:00Z",
                "2026-01-20T10:00:00Z", "SUCCESS", "NORMAL", "", PIPELINE, "", "false", "web", "acme", "1", "true",
                "NAMED_AS_CAUSE", "2026-01-27T10:00:00Z", "2026-01-27T11:00:00Z", "3600");
        // p2: failed by its result, never restored
        assertThat(rows.get(2)).containsExactly("p2", "shop", "production", "2026-01-25T09:50:00Z",
                "2026-01-25T10:00:00Z", "FAILURE", "NORMAL", "", "", "", "false", "web", "acme", "0", "true",
                "FAILED_RESULT", "2026-01-25T10:00:00Z", "", "");
    }

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(?:" + LABEL + "(?:," + LABEL
            + ")*)?\\})? (-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) (" + NAME + ") (.*)");

    @Test
    void servesPrometheusTextFormatWithHelpAndTypeBeforeEverySample() {
        HttpResponse<String> response = server.get("/metrics");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .startsWith("text/plain;version=0.0.4");
        String body = response.body();
        assertThat(body).endsWith("\n");
        Set<String> helped = new HashSet<>();
        Set<String> typed = new HashSet<>();
        List<String> samples = new ArrayList<>();
        for (String line : body.substring(0, body.length() - 1).split("\n", -1)) {
            Matcher comment = COMMENT.matcher(line);
            if (comment.matches()) {
                String family = comment.group(2);
                if (comment.group(1).equals("HELP")) {
                    assertThat(helped.add(family)).as("one HELP for " + family).isTrue();
                } else {
                    assertThat(helped).as("HELP before TYPE of " + family).contains(family);
                    assertThat(comment.group(3)).isIn("gauge", "counter");
                    assertThat(comment.group(3).equals("counter")).as("counters end in _total: " + family)
                            .isEqualTo(family.endsWith("_total"));
                    assertThat(typed.add(family)).as("one TYPE for " + family).isTrue();
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: " + line).isTrue();
            assertThat(typed).as("HELP and TYPE before " + line).contains(sample.group(1));
            samples.add(line);
        }

        String shop = "{application=\"shop\",delivery_supplier=\"acme\",delivery_team=\"web\","
                + "operations_supplier=\"acme\",operations_team=\"web\",environment=\"production\",window=\"30d\"}";
        // last 30 days (Jan 2 12:00 → Feb 1 12:00): p1 the one SUCCESS; p1 (i1) and p2 (FAILURE) failed of 2;
        // lead time c1 2 h; restore p1 1 h, p2 open; detect 10 min; down 1 h of 30 days
        assertThat(samples).contains(
                "devops_kpi_deployments" + shop + " 1",
                "devops_kpi_deployments_per_day" + shop + " " + (1 / 30.0),
                "devops_kpi_lead_time_median_seconds" + shop + " 7200",
                "devops_kpi_change_failure_ratio" + shop + " 1",
                "devops_kpi_change_attempts" + shop + " 2",
                "devops_kpi_failed_changes" + shop + " 2",
                "devops_kpi_time_to_restore_median_seconds" + shop + " 3600",
                "devops_kpi_time_to_restore_mean_seconds" + shop + " 3600",
                "devops_kpi_open_failures" + shop + " 1",
                "devops_kpi_time_to_detect_mean_seconds" + shop + " 600",
                "devops_kpi_availability_ratio" + shop + " " + (1 - 3_600.0 / 2_592_000.0),
                "devops_kpi_deployments" + shop.replace("production", "staging") + " 1",
                "devops_kpi_deployments{application=\"a\\\"b\\\\c\",delivery_supplier=\"unassigned\","
                        + "delivery_team=\"unassigned\",operations_supplier=\"unassigned\","
                        + "operations_team=\"unassigned\",environment=\"production\",window=\"30d\"} 1",
                "devops_kpi_supplier_deployments{supplier=\"acme\",environment=\"production\",window=\"30d\"} 1",
                // x0..x3 and q1
                "devops_kpi_supplier_deployments{supplier=\"unassigned\",environment=\"production\","
                        + "window=\"30d\"} 5",
                "devops_kpi_supplier_failed_changes{supplier=\"acme\",environment=\"production\","
                        + "window=\"30d\"} 2");
        // undefined values have no sample: "+1" has no changes, no failed change, no incident
        assertThat(samples).filteredOn(s -> s.contains("application=\"+1\""))
                .extracting(s -> s.substring(0, s.indexOf('{')))
                .containsExactly("devops_kpi_deployments", "devops_kpi_deployments_per_day",
                        "devops_kpi_deployment_dates_per_week_median", "devops_kpi_deployment_dates_per_month_median",
                        "devops_kpi_lead_time_changes", "devops_kpi_change_failure_ratio",
                        "devops_kpi_change_success_ratio", "devops_kpi_change_attempts", "devops_kpi_failed_changes",
                        "devops_kpi_open_failures", "devops_kpi_open_incidents", "devops_kpi_rework_ratio",
                        "devops_kpi_availability_ratio", "devops_kpi_availability_downtime_seconds");
    }

    @Test
    void answersTheSameKpisWithinAMinuteAndCurrentCountersAtEveryScrape() {
        String first = server.get("/metrics").body();

        server.post(Events.batch(Events.deployment("late")));

        // the test clock stands still, so the cached KPIs are still fresh; the ingest counter is not cached
        String second = server.get("/metrics").body();
        assertThat(kpiLines(second)).isNotEmpty().isEqualTo(kpiLines(first));
        assertThat(first).contains("devops_kpi_ingest_events_total{outcome=\"accepted\"} 10\n");
        assertThat(second).contains("devops_kpi_ingest_events_total{outcome=\"accepted\"} 11\n");
    }

    private static List<String> kpiLines(String scrape) {
        return scrape.lines().filter(line -> line.startsWith("devops_kpi_") && !line.startsWith("devops_kpi_http_")
                && !line.startsWith("devops_kpi_ingest_")).toList();
    }
}
