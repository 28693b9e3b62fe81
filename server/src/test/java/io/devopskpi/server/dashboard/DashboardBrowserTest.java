package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard pages in a real browser against a real server holding the demo data. One browser for the class. */
class DashboardBrowserTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    static DemoServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = DemoServer.start();
        String finished = DemoServer.NOW.minus(2, ChronoUnit.DAYS).toString();
        String started = DemoServer.NOW.minus(2, ChronoUnit.DAYS).minus(10, ChronoUnit.MINUTES).toString();
        server.post("""
                {"type": "deployment", "id": "hostile-1", "application": "%s", "environment": "production",
                 "started": "%s", "finished": "%s", "result": "SUCCESS", "revision": "<b>bold</b>"}"""
                .formatted(HOSTILE, started, finished));
        browser = Browser.start(1400, 1000);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, server);
    }

    @Test
    void everyPageLoadsWithoutScriptErrorsAndWithLabelledControls() {
        for (String page : List.of("/", "/?group=application&sort=success", "/?group=supplier&window=P90D",
                "/applications/shop", "/applications/checkout?window=P90D&zone=Europe/Berlin", "/teams/storefront",
                "/?window=custom&from=2026-01-01&to=2026-01-31")) {
            browser.open(server.url(page));

            assertThat(browser.errors()).as(page).isEmpty();
            assertThat(browser.js("return document.querySelectorAll('main [data-kpi]').length")).as(page)
                    .isNotEqualTo(0L);
            assertThat(browser.js("return [...document.querySelectorAll('input, select')]"
                    + ".filter((c) => c.type !== 'hidden' && c.labels.length === 0).map((c) => c.id)"))
                    .as("controls without a label on %s", page).isEqualTo(List.of());
            assertThat(browser.js("return ['header', 'nav', 'main', 'footer'].filter((t) => !document.querySelector(t))"))
                    .as("landmarks on %s", page).isEqualTo(List.of());
        }
    }

    /**
     * issue 12: the overview said "10 applications" above "Applications (11)". The count under the figures is the
     * API's (applications with a deployment or incident in the window) and names the list's total when they differ.
     */
    @Test
    void theOverviewsApplicationCountNeverContradictsTheList() {
        for (String window : List.of("P30D", "P90D")) {
            browser.open(server.url("/?group=application&window=" + window));
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.id("application-count")).isEmpty());
            int active = server.json("/api/v1/kpis?window=" + window).getAsJsonObject("availability")
                    .get("applications").getAsInt();
            int known = server.json("/api/v1/applications?window=" + window).get("total").getAsInt();
            String text = browser.driver.findElement(By.id("application-count")).getText();
            assertThat(text).as(window).isEqualTo(active == known ? active + " applications"
                    : active + " of " + known + " applications with a deployment or an incident in this window");
        }
    }

    @Test
    void theServersPagesDrawTheirChartsWithTheWebJarsECharts() {
        browser.open(server.url("/applications/shop"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                "const nodes = [...document.querySelectorAll('.chart, .spark')];"
                        + "return nodes.length > 0 && !!window.echarts"
                        + " && nodes.every((n) => window.echarts.getInstanceByDom(n) && n.querySelector('canvas, svg'));")));

        assertThat(browser.js("return window.echarts.version")).isEqualTo("5.5.0");
        assertThat(browser.js("return [...document.querySelectorAll('script[src]')].map((s) => new URL(s.src).pathname)"
                + ".filter((path) => path.includes('echarts'))"))
                .isEqualTo(List.of("/webjars/echarts/5.5.0/echarts.min.js"));
        assertThat(browser.errors()).isEmpty();
    }

    /** Issue 12 item 9: the footer's JSON link is the API answer behind the page, with the page's query. */
    @Test
    void theFootersJsonLinkKeepsThePagesScopeAndQuery() {
        for (String[] page : new String[][] {
                {"/?window=P90D&environment=staging", "/api/v1/kpis?environment=staging&zone=UTC&window=P90D"},
                {"/applications/shop?window=P90D&environment=qa",
                        "/api/v1/kpis?application=shop&environment=qa&zone=UTC&window=P90D"},
                {"/teams/web?window=P90D", "/api/v1/kpis?team=web&environment=production&zone=UTC&window=P90D"}}) {
            browser.open(server.url(page[0]));
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> String.valueOf(browser.js(
                    "const a = document.getElementById('api-link'); return a && new URL(a.href).search"))
                    .length() > 1);

            Object link = browser.js("const u = new URL(document.getElementById('api-link').href);"
                    + " return u.pathname + u.search");
            assertThat(link).as(page[0]).isEqualTo(page[1]);
        }
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void widgetFiguresEqualTheApiForTheSameQuery() {
        browser.open(server.url("/?window=P90D"));

        List<Map<String, Object>> widgets = widgets();
        assertThat(widgets).isNotEmpty();
        assertThat(widgets).extracting(w -> w.get("scope")).contains("all");
        for (Map<String, Object> widget : widgets) {
            String scope = (String) widget.get("scope");
            String query = scope.equals("all") ? "" : scope.replaceFirst(":", "=").replaceFirst("=(.*)",
                    "=" + URLEncoder.encode(scope.substring(scope.indexOf(':') + 1), StandardCharsets.UTF_8)) + "&";
            JsonObject api = server.json("/api/v1/kpis?" + query + "window=P90D&environment=production&zone=UTC");
            assertWidgetShows(widget, api);
        }
    }

    @Test
    void changingTheWindowOrEnvironmentChangesTheFiguresAndTheUrlAndBackRestoresThem() {
        browser.open(server.url("/"));
        JsonObject thirty = server.json("/api/v1/kpis?window=P30D");
        assertWidgetShows(allWidget(), thirty);

        new Select(browser.driver.findElement(By.id("window"))).selectByValue("P90D");
        JsonObject halfYear = server.json("/api/v1/kpis?window=P90D");
        awaitDeployments(halfYear);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/?window=P90D");
        assertWidgetShows(allWidget(), halfYear);
        assertThat(halfYear.getAsJsonObject("deploymentFrequency").get("deployments").getAsInt())
                .isNotEqualTo(thirty.getAsJsonObject("deploymentFrequency").get("deployments").getAsInt());

        WebElement environment = browser.driver.findElement(By.id("environment"));
        environment.clear();
        environment.sendKeys("staging", Keys.TAB);
        JsonObject staging = server.json("/api/v1/kpis?window=P90D&environment=staging");
        awaitDeployments(staging);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/?window=P90D&environment=staging");
        assertWidgetShows(allWidget(), staging);

        browser.driver.navigate().back();
        awaitDeployments(halfYear);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/?window=P90D");
        assertThat(browser.driver.findElement(By.id("environment")).getAttribute("value")).isEqualTo("production");
        browser.driver.navigate().back();
        awaitDeployments(thirty);
        assertThat(new Select(browser.driver.findElement(By.id("window"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("P30D");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aHostileApplicationNameIsShownAsTextAndRunsNothing() {
        String path = "/applications/" + URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8).replace("+", "%20");
        browser.open(server.url(path));

        assertThat(browser.driver.findElement(By.id("app-name")).getText()).isEqualTo(HOSTILE);
        assertThat(browser.driver.getTitle()).startsWith(HOSTILE);
        assertThat(browser.js("return document.querySelectorAll('img, b').length")).isEqualTo(0L);
        assertThat(browser.js("return document.querySelector('[data-kpi=\"deploymentFrequency.perWeek\"]')"
                + ".closest('.kpi-card').textContent")).asString().doesNotContain("no data");
        assertNoScriptRan();

        browser.open(server.url("/?group=application&q=img"));
        if (server.get("/api/v1/applications").statusCode() == 200) {
            assertThat(browser.driver.findElements(By.cssSelector(".widget-title"))).extracting(WebElement::getText)
                    .contains(HOSTILE);
        }
        assertThat(browser.js("return document.querySelectorAll('img').length")).isEqualTo(0L);
        assertNoScriptRan();
    }

    @Test
    void anApplicationWithoutDeploymentsShowsWhatToDo() {
        browser.open(server.url("/applications/shop?environment=qa"));

        List<WebElement> empty = browser.driver.findElements(By.cssSelector("[data-empty]"));
        assertThat(empty).isNotEmpty();
        assertThat(empty.get(0).getText())
                .contains("No deployments recorded for shop in qa in this window")
                .contains("POST /api/v1/events");
        assertThat(browser.driver.findElement(By.cssSelector("[data-kpi=\"changeSuccessRate.rate\"]")).getText())
                .isEqualTo("no data");
        assertThat(browser.errors()).isEmpty();
    }

    private void assertNoScriptRan() {
        assertThat(browser.alerts()).isEmpty();
        assertThat(browser.errors()).isEmpty();
        try {
            browser.driver.switchTo().alert();
            throw new AssertionError("an alert is open");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    private void awaitDeployments(JsonObject api) {
        browser.awaitAllDeployments(api.getAsJsonObject("deploymentFrequency").get("deployments").getAsString());
    }

    private Map<String, Object> allWidget() {
        return widgets().stream().filter(w -> "all".equals(w.get("scope"))).findFirst().orElseThrow();
    }

    /** Every widget: its scope and, per data-kpi, the raw value, the text shown and the band shown beside it. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> widgets() {
        return (List<Map<String, Object>>) browser.js("""
                return [...document.querySelectorAll('article.widget[data-scope]')].map((w) => ({
                  scope: w.dataset.scope,
                  kpis: Object.fromEntries([...w.querySelectorAll('[data-kpi]')].map((n) => [n.dataset.kpi, {
                    value: n.dataset.value, text: n.textContent,
                    band: (n.closest('.kpi') && n.closest('.kpi').querySelector('.band')
                      ? n.closest('.kpi').querySelector('.band').dataset.band : null)}]))}));""");
    }

    @SuppressWarnings("unchecked")
    private static void assertWidgetShows(Map<String, Object> widget, JsonObject api) {
        Map<String, Map<String, String>> kpis = (Map<String, Map<String, String>>) widget.get("kpis");
        String scope = (String) widget.get("scope");
        JsonObject df = api.getAsJsonObject("deploymentFrequency");
        JsonObject cfr = api.getAsJsonObject("changeFailureRate");
        JsonElement csr = api.getAsJsonObject("changeSuccessRate").get("rate");

        Map<String, String> perWeek = kpis.get("deploymentFrequency.perWeek");
        assertThat(Double.parseDouble(perWeek.get("value"))).as(scope).isEqualTo(df.get("perWeek").getAsDouble());
        assertThat(perWeek.get("text")).as(scope).isEqualTo(oneDecimal(df.get("perWeek").getAsDouble()));
        assertThat(perWeek.get("band")).as(scope).isEqualTo(band(df.get("band")));
        assertThat(kpis.get("deploymentFrequency.deployments").get("value")).as(scope)
                .isEqualTo(df.get("deployments").getAsString());
        assertThat(kpis.get("changeFailureRate.total").get("value")).as(scope).isEqualTo(cfr.get("total").getAsString());

        Map<String, String> success = kpis.get("changeSuccessRate.rate");
        if (csr.isJsonNull()) {
            assertThat(success.get("value")).as(scope).isEqualTo("null");
            assertThat(success.get("text")).as(scope).isEqualTo("no data");
        } else {
            assertThat(Double.parseDouble(success.get("value"))).as(scope).isEqualTo(csr.getAsDouble());
            assertThat(success.get("text")).as(scope).isEqualTo(oneDecimal(csr.getAsDouble() * 100));
        }
        assertThat(success.get("band")).as(scope).isEqualTo(band(cfr.get("band")));

        for (String kpi : List.of("leadTime", "timeToRestore")) {
            JsonObject object = api.getAsJsonObject(kpi);
            Map<String, String> shown = kpis.get(kpi + ".medianSeconds");
            JsonElement median = object.get("medianSeconds");
            if (median.isJsonNull()) {
                assertThat(shown.get("value")).as(scope + " " + kpi).isEqualTo("null");
            } else {
                assertThat(Double.parseDouble(shown.get("value"))).as(scope + " " + kpi).isEqualTo(median.getAsDouble());
            }
            assertThat(shown.get("band")).as(scope + " " + kpi).isEqualTo(band(object.get("band")));
        }
    }

    /** As the page's toFixed(1): the exact binary value rounded half up. */
    private static String oneDecimal(double value) {
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String band(JsonElement band) {
        return band.isJsonNull() ? "" : band.getAsString();
    }
}
