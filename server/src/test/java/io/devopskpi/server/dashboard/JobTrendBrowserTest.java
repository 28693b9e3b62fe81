package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The job page's weekly trend (JobKpiAction/index.jelly's trend markup with assets/job-trend.js) drawn by ECharts
 * 6.0.0 on a Jenkins-like page, over deployments whose weekly figures are worked out by hand below.
 */
class JobTrendBrowserTest {
    /** A Friday noon: the 12-week window [2025-12-26T12:00Z, 2026-03-20T12:00Z) touches 13 ISO weeks. */
    static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    static Store store;
    static JenkinsLikeHost host;
    static Browser browser;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = Store.open(StoreConfig.inMemory("job-trend"));
        new Ingestor(store, clock).ingest(List.of(
                deployment("before-window", "trend-app", "production", "2025-12-23T10:00:00Z", DeploymentResult.SUCCESS),
                deployment("jan-13", "trend-app", "production", "2026-01-13T10:00:00Z", DeploymentResult.FAILURE),
                deployment("jan-20", "trend-app", "production", "2026-01-20T10:00:00Z", DeploymentResult.SUCCESS),
                deployment("mar-03", "trend-app", "production", "2026-03-03T10:00:00Z", DeploymentResult.SUCCESS),
                deployment("mar-04", "trend-app", "production", "2026-03-04T10:00:00Z", DeploymentResult.SUCCESS),
                deployment("mar-05", "trend-app", "production", "2026-03-05T10:00:00Z", DeploymentResult.SUCCESS),
                deployment("mar-06", "trend-app", "production", "2026-03-06T10:00:00Z", DeploymentResult.FAILURE),
                deployment("mar-10", "trend-app", "production", "2026-03-10T10:00:00Z", DeploymentResult.SUCCESS),
                deployment("mar-12", "trend-app", "production", "2026-03-12T10:00:00Z", DeploymentResult.SUCCESS),
                deployment("mar-17", "trend-app", "production", "2026-03-17T10:00:00Z", DeploymentResult.SUCCESS),
                deployment("staging", "trend-app", "staging", "2026-03-03T11:00:00Z", DeploymentResult.SUCCESS),
                deployment("other-app", "other-app", "production", "2026-03-03T12:00:00Z", DeploymentResult.FAILURE),
                deployment("hostile", HOSTILE, "production", "2026-03-18T10:00:00Z", DeploymentResult.SUCCESS)));
        host = JenkinsLikeHost.start(store, clock);
        host.job("release", "trend-app", "production");
        host.job("hostile", HOSTILE, "production");
        browser = Browser.start(1200, 900);
    }

    private static Deployment deployment(String id, String application, String environment, String finished,
            DeploymentResult result) {
        Instant end = Instant.parse(finished);
        return Deployment.builder(id).application(application).environment(environment)
                .started(end.minus(Duration.ofMinutes(10))).finished(end).result(result).pipeline("release").build();
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, host);
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theChartAndItsTableShowTheWeeklyFiguresWorkedOutByHand() {
        // weeks from Monday 00:00 UTC, each labelled by its first day in the window: 22 Dec clipped to start
        // 26 Dec 12:00 (so the 23 Dec deployment is out),
        // 29 Dec, 5, 12 (one FAILURE: 0 deployments, 1 change, 0 %), 19 (one SUCCESS), 26 Jan, 2, 9, 16, 23 Feb,
        // 2 Mar (3 SUCCESS + 1 FAILURE: 3 deployments, 3 of 4 changes = 75 %), 9 Mar (2 of 2), 16 Mar (clipped to
        // end 20 Mar 12:00; 1 of 1). Staging and other applications do not count.
        List<String> weeks = List.of("26 Dec", "29 Dec", "5 Jan", "12 Jan", "19 Jan", "26 Jan", "2 Feb", "9 Feb",
                "16 Feb", "23 Feb", "2 Mar", "9 Mar", "16 Mar");
        List<Long> deployments = List.of(0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 3L, 2L, 1L);
        List<Object> successRates = Arrays.asList(null, null, null, 0L, 1L, null, null, null, null, null, 0.75, 1L, 1L);
        List<String> changes = List.of("0", "0", "0", "1", "1", "0", "0", "0", "0", "0", "4", "2", "1");

        browser.driver.get(host.url("/job/release/devops-kpi/"));
        awaitState("drawn");

        Map<String, Object> chart = chart();
        assertThat(chart.get("version")).isEqualTo(EChartsSix.VERSION);
        assertThat(chart.get("canvas")).isEqualTo(true);
        assertThat(chart.get("weeks")).isEqualTo(weeks);
        assertThat(chart.get("names")).isEqualTo(List.of("Deployments", "Change success rate"));
        assertThat(chart.get("deployments")).isEqualTo(deployments);
        assertThat(chart.get("successRates")).isEqualTo(successRates);

        List<List<String>> rows = rows();
        assertThat(rows).hasSize(13);
        assertThat(rows.get(0)).containsExactly("26 Dec – 28 Dec", "0", "—", "0");
        assertThat(rows.get(3)).containsExactly("12 Jan – 18 Jan", "0", "0.0 %", "1");
        assertThat(rows.get(10)).containsExactly("2 Mar – 8 Mar", "3", "75.0 %", "4");
        assertThat(rows.get(12)).containsExactly("16 Mar – 20 Mar", "1", "100.0 %", "1");
        assertThat(rows.stream().map(r -> r.get(1)).toList())
                .isEqualTo(deployments.stream().map(String::valueOf).toList());
        assertThat(rows.stream().map(r -> r.get(3)).toList()).isEqualTo(changes);
        assertThat(browser.js("return document.querySelector('.devops-kpi-trend caption').textContent"))
                .isEqualTo("Deployments and change success rate per week (weeks from Monday 00:00 UTC)");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theTrendOfAHostileApplicationNameIsAskedForAsTextAndRunsNothing() {
        browser.driver.get(host.url("/job/hostile/devops-kpi/"));
        awaitState("drawn");

        assertThat(browser.js("return document.querySelector('[data-devops-kpi-trend]').dataset.application"))
                .isEqualTo(HOSTILE);
        assertThat(rows().get(12)).containsExactly("16 Mar – 20 Mar", "1", "100.0 %", "1");
        assertThat(browser.js("return document.querySelectorAll('img').length")).isEqualTo(0L);
        assertThat(browser.alerts()).isEmpty();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aQueryTheApiRefusesIsExplainedInsteadOfAChart() {
        host.job("typo", "trend-app", " ");
        browser.driver.get(host.url("/job/typo/devops-kpi/"));
        awaitState("failed");

        assertThat(browser.js("return document.querySelector('.devops-kpi-trend-status').textContent"))
                .isEqualTo("The weekly trend could not be shown: environment must not be blank");
        assertThat(browser.js("return document.querySelectorAll('.devops-kpi-trend table').length")).isEqualTo(0L);
    }

    private static void awaitState(String state) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> browser.js(
                "const c = document.querySelector('[data-devops-kpi-trend]'); return c && c.dataset.state") != null);
        assertThat(browser.js("const c = document.querySelector('[data-devops-kpi-trend]');"
                + " return c.dataset.state + ': ' + c.querySelector('.devops-kpi-trend-status').textContent"))
                .asString().startsWith(state + ": ");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chart() {
        return (Map<String, Object>) browser.js("""
                const node = document.querySelector('[data-devops-kpi-trend] .devops-kpi-trend-chart');
                const chart = window.echarts.getInstanceByDom(node);
                if (!chart) return { version: window.echarts.version, canvas: false };
                const option = chart.getOption();
                return { version: window.echarts.version, canvas: node.querySelector('canvas') !== null,
                  weeks: option.xAxis[0].data, names: option.series.map((s) => s.name),
                  deployments: option.series[0].data, successRates: option.series[1].data };""");
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (Object row : (List<Object>) browser.js("return [...document.querySelectorAll("
                + "'.devops-kpi-trend table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent))")) {
            rows.add((List<String>) row);
        }
        return rows;
    }
}
