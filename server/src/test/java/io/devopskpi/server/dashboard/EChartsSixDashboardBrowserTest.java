package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.server.demo.DemoSeeder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard pages as the Jenkins plugin serves them (JenkinsLikeHost), drawing their charts with ECharts
 * 6.0.0, the version of the echarts-api plugin they load there; the demo data, its clock fixed near now.
 */
class EChartsSixDashboardBrowserTest {
    static Store store;
    static JenkinsLikeHost host;
    static Browser browser;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(DemoServer.NOW, ZoneOffset.UTC);
        store = Store.open(StoreConfig.inMemory("echarts-six"));
        DemoSeeder.seedIfEmpty(store, clock, new PrintStream(OutputStream.nullOutputStream()));
        host = JenkinsLikeHost.start(store, clock);
        browser = Browser.start(1400, 1000);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, host);
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/devops-kpi/", "/devops-kpi/applications/shop", "/devops-kpi/teams/storefront",
            "/devops-kpi/suppliers/acme", "/devops-kpi/compare?window=P90D"})
    void everyChartIsDrawnByTheEchartsApiPluginsECharts6WithoutScriptErrors(String page) {
        browser.open(host.url(page));

        assertThat(browser.js("return document.querySelector('meta[name=\"devops-kpi-charts\"]').content"))
                .isEqualTo(JenkinsLikeHost.ECHARTS_API_SCRIPT);
        Map<String, Object> charts = awaitCharts();
        assertThat(charts.get("version")).as("ECharts on %s", page).isEqualTo(EChartsSix.VERSION);
        assertThat((Long) charts.get("nodes")).as("charts on %s", page).isPositive();
        assertThat(charts.get("undrawn")).as("chart nodes without a drawn chart on %s", page).isEqualTo(List.of());
        assertThat(browser.js("return [...document.querySelectorAll('script[src]')].map((s) => s.src)"
                + ".filter((src) => src.includes('echarts'))"))
                .as("the page loaded ECharts once, from the echarts-api plugin")
                .isEqualTo(List.of(host.url("/plugin/echarts-api/js/echarts.min.js")));
        // the shared frame (frame.js) links below the plugin's URL and leaves out the page Jenkins does not serve
        assertThat(browser.js("return [...document.querySelectorAll('header.top a')].map((a) => new URL(a.href).pathname)"))
                .as("the header's links on %s", page).isEqualTo(List.of("/jenkins/devops-kpi/", "/jenkins/devops-kpi/",
                        "/jenkins/devops-kpi/compare"));
        assertThat(browser.errors()).as(page).isEmpty();
    }

    @Test
    void withoutTheChartLibraryEachChartSaysSoAndTheTablesStillHoldTheNumbers() {
        host.echartsApiInstalled(false);
        try {
            browser.open(host.url("/devops-kpi/applications/shop"));
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                    "const nodes = [...document.querySelectorAll('.chart')];"
                            + "return nodes.length > 0 && nodes.every((n) => n.dataset.chartError);")));

            assertThat(browser.js("return [...new Set([...document.querySelectorAll('.chart')].map((n) => n.textContent))]"))
                    .isEqualTo(List.of("Chart not shown: " + host.url("/plugin/echarts-api/js/echarts.min.js")
                            + " could not be loaded. The table lists the same numbers."));
            assertThat((Long) browser.js("return document.querySelectorAll('figure.trend table tbody tr').length"))
                    .isPositive();
            assertThat(browser.errors()).as("the browser's complaints about the missing script, nothing else")
                    .isNotEmpty().allSatisfy(error -> assertThat(error)
                            .contains("/jenkins/plugin/echarts-api/js/echarts.min.js"));
        } finally {
            host.echartsApiInstalled(true);
        }
    }

    /** Waits until every chart node holds an ECharts instance that drew (a canvas or an svg), or says why not. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitCharts() {
        String probe = """
                const nodes = [...document.querySelectorAll('.chart, .spark')];
                const drawn = (n) => window.echarts && window.echarts.getInstanceByDom(n)
                  && n.querySelector('canvas, svg');
                return { version: window.echarts ? window.echarts.version : null, nodes: nodes.length,
                  undrawn: nodes.filter((n) => !drawn(n)).map((n) => (n.id || n.className)
                    + (n.dataset.chartError ? ': ' + n.dataset.chartError : '')) };""";
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> {
            Map<String, Object> state = (Map<String, Object>) browser.js(probe);
            return (Long) state.get("nodes") > 0 && ((List<?>) state.get("undrawn")).isEmpty()
                    || ((List<String>) state.get("undrawn")).stream().anyMatch(u -> u.contains(": "));
        });
        return (Map<String, Object>) browser.js(probe);
    }
}
