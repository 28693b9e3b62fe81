package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Filters that hold everywhere, drill-down and definitions, in a real browser over the demo data (clock fixed):
 * after each change of a page's filters, every figure, trend table, drill-down link and JSON/CSV link follows the
 * new query, checked against the API's answer for the same query fetched here; every figure's link leads to a list
 * whose total is the figure's sample in the API; every label that names a KPI carries its definition.
 */
class FiltersAndDrillDownBrowserTest {
    static DemoServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = DemoServer.start();
        browser = Browser.start(1400, 1000);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, server);
    }

    // ------------------------------------------------------------------------------------------------ filters

    @Test
    void theOverviewsFiguresAndLinksFollowWindowEnvironmentZoneAndSupplier() {
        browser.open(server.url("/"));
        Map<String, String> query = new LinkedHashMap<>(Map.of("window", "P30D", "environment", "production",
                "zone", "UTC"));
        Map<String, Double> before = awaitFiguresMatchApi(query);

        new Select(browser.driver.findElement(By.id("window"))).selectByValue("P90D");
        query.put("window", "P90D");
        Map<String, Double> p90 = awaitFiguresMatchApi(query);
        assertThat(p90).as("a longer window changes the figures").isNotEqualTo(before);

        WebElement environment = browser.driver.findElement(By.id("environment"));
        environment.clear();
        environment.sendKeys("staging", Keys.TAB);
        query.put("environment", "staging");
        Map<String, Double> staging = awaitFiguresMatchApi(query);
        assertThat(staging).as("another environment changes the figures").isNotEqualTo(p90);

        new Select(browser.driver.findElement(By.id("zone"))).selectByValue("Europe/Berlin");
        query.put("zone", "Europe/Berlin");
        awaitFiguresMatchApi(query);

        new Select(browser.driver.findElement(By.id("group"))).selectByValue("supplier");
        awaitTrue("return document.querySelector('[data-scope^=\"supplier:\"]') !== null");
        Map<String, Double> suppliers = awaitFiguresMatchApi(query);
        assertThat(suppliers.keySet()).as("one widget per supplier").anyMatch(k -> k.startsWith("supplier:"));
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theApplicationPagesFiguresListAndLinksFollowWindowEnvironmentAndZone() {
        String app = "shop";
        browser.open(server.url("/applications/" + app));
        Map<String, String> query = new LinkedHashMap<>(Map.of("window", "P30D", "environment", "production",
                "zone", "UTC"));
        Map<String, Double> before = awaitApplicationMatchesApi(app, query);

        new Select(browser.driver.findElement(By.id("window"))).selectByValue("P180D");
        query.put("window", "P180D");
        Map<String, Double> longer = awaitApplicationMatchesApi(app, query);
        assertThat(longer).isNotEqualTo(before);

        new Select(browser.driver.findElement(By.id("zone"))).selectByValue("Europe/Berlin");
        query.put("zone", "Europe/Berlin");
        awaitApplicationMatchesApi(app, query);

        WebElement environment = browser.driver.findElement(By.id("environment"));
        environment.clear();
        environment.sendKeys("staging", Keys.TAB);
        query.put("environment", "staging");
        Map<String, Double> staging = awaitApplicationMatchesApi(app, query);
        assertThat(staging).isNotEqualTo(longer);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theTeamPagesFiguresAndLinksFollowWindowAndEnvironment() {
        String team = server.json("/api/v1/teams?window=P90D").getAsJsonArray("teams").get(0).getAsJsonObject()
                .get("team").getAsString();
        browser.open(server.url("/teams/" + encode(team)));
        Map<String, String> query = new LinkedHashMap<>(Map.of("window", "P30D", "environment", "production",
                "zone", "UTC"));
        Map<String, Double> before = awaitFiguresMatchApi(query);
        assertThat(before.keySet()).anyMatch(k -> k.startsWith("team:")).anyMatch(k -> k.startsWith("application:"));

        new Select(browser.driver.findElement(By.id("window"))).selectByValue("P90D");
        query.put("window", "P90D");
        Map<String, Double> p90 = awaitFiguresMatchApi(query);
        assertThat(p90).isNotEqualTo(before);

        WebElement environment = browser.driver.findElement(By.id("environment"));
        environment.clear();
        environment.sendKeys("staging", Keys.TAB);
        query.put("environment", "staging");
        awaitFiguresMatchApi(query);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theComparisonsTrendsFollowTheTagAndShowTheResponsibilitysSeries() {
        String tag = "back-office";
        String base = "window=P90D&environment=production&zone=UTC";
        browser.open(server.url("/compare?window=P90D&tag=" + tag));
        List<String> suppliers = suppliersOf(server.json("/api/v1/comparison?" + base + "&tag=" + tag));
        assertThat(suppliers).isNotEmpty();

        Map<String, List<String>> tagged = expectedTrendTable("deploymentFrequency.deployments", suppliers,
                base + "&tag=" + tag);
        Map<String, List<String>> untagged = expectedTrendTable("deploymentFrequency.deployments", suppliers, base);
        assertThat(tagged).as("the tag changes the trends, so the check below could fail").isNotEqualTo(untagged);
        awaitEqual(() -> trendTable("trend-deployments"), tagged);
        assertThat(trendCharts()).containsExactly("trend-success", "trend-deployments", "trend-resolve",
                "trend-detect", "trend-availability");
        assertLinksCarry(Map.of("window", "P90D", "environment", "production", "zone", "UTC", "tag", tag),
                "#side-by-side a.drill");

        new Select(browser.driver.findElement(By.id("responsibility"))).selectByValue("OPERATIONS");
        List<String> operators = suppliersOf(server.json("/api/v1/comparison?" + base + "&tag=" + tag
                + "&responsibility=OPERATIONS"));
        awaitEqual(this::trendCharts, List.of("trend-resolve", "trend-detect", "trend-availability"));
        assertThat(browser.driver.findElements(By.id("rates-not-compared"))).as("the delivery rates are not compared")
                .hasSize(1);
        assertThat(browser.driver.findElements(By.cssSelector("[id^=\"table-\"]"))).isEmpty();
        awaitEqual(() -> trendTable("trend-availability"), expectedTrendTable("availability.ratio", operators,
                base + "&tag=" + tag));
        awaitEqual(() -> trendSamples("trend-resolve"), expectedTrendTable("timeToResolve.count", operators,
                base + "&tag=" + tag));

        new Select(browser.driver.findElement(By.id("responsibility"))).selectByValue("DELIVERY");
        awaitEqual(this::trendCharts, List.of("trend-success", "trend-deployments"));

        new Select(browser.driver.findElement(By.id("tag"))).selectByValue("");
        List<String> all = suppliersOf(server.json("/api/v1/comparison?" + base + "&responsibility=DELIVERY"));
        awaitEqual(() -> trendTable("trend-deployments"), expectedTrendTable("deploymentFrequency.deployments", all,
                base));

        new Select(browser.driver.findElement(By.id("window"))).selectByValue("P30D");
        String month = "window=P30D&environment=production&zone=UTC";
        List<String> recent = suppliersOf(server.json("/api/v1/comparison?" + month + "&responsibility=DELIVERY"));
        Map<String, List<String>> shorter = expectedTrendTable("deploymentFrequency.deployments", recent, month);
        assertThat(shorter).isNotEqualTo(expectedTrendTable("deploymentFrequency.deployments", all, base));
        awaitEqual(() -> trendTable("trend-deployments"), shorter);
        awaitLinksCarry(Map.of("window", "P30D", "environment", "production", "zone", "UTC"), "#side-by-side a.drill");
        assertThat(browser.errors()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ drill-down

    @Test
    void everyFigureOfTheApplicationPageLeadsToAListWhoseTotalIsItsSample() {
        String params = "application=shop&window=P90D&environment=production&zone=UTC";
        JsonObject kpis = server.json("/api/v1/kpis?" + params);
        browser.open(server.url("/applications/shop?window=P90D"));
        List<Map<String, String>> links = drillLinks(".kpi-card a.drill");
        assertThat(links).extracting(l -> l.get("kpi")).containsExactlyInAnyOrder("deploymentFrequency",
                "leadTime", "changeSuccessRate", "changeFailureRate", "timeToRestore", "timeToDetect",
                "timeToResolve", "reworkRate", "availability");
        long overlapping = server.json("/api/v1/incidents?" + params).get("total").getAsLong();
        for (Map<String, String> link : links) {
            long expected = sampleBehind(link.get("kpi"), kpis, overlapping);
            browser.open(link.get("href"));
            assertThat(listTotal()).as("the list behind %s", link.get("kpi")).isEqualTo(expected);
            assertThat(listRows()).as("rows of the list behind %s", link.get("kpi"))
                    .isEqualTo(Math.min(expected, 50));
            assertThat(browser.errors()).isEmpty();
        }
        assertThat(kpis.getAsJsonObject("deploymentFrequency").get("deployments").getAsLong())
                .as("the demo's shop has deployments, so the totals above are not all 0").isPositive();
    }

    @Test
    void theOverviewsAndComparisonsFiguresLeadToTheirScopesLists() {
        browser.open(server.url("/?group=supplier&window=P90D"));
        awaitTrue("return document.querySelector('[data-scope=\"supplier:acme\"] a.drill') !== null");
        List<Map<String, String>> links = drillLinks("[data-scope=\"supplier:acme\"] a.drill");
        assertThat(links).extracting(l -> l.get("kpi")).containsExactlyInAnyOrder("deploymentFrequency",
                "changeSuccessRate", "leadTime", "timeToRestore");
        JsonObject acme = server.json("/api/v1/kpis?supplier=acme&window=P90D");
        for (Map<String, String> link : links) {
            browser.open(link.get("href"));
            assertThat(listTotal()).as("the list behind acme's %s", link.get("kpi"))
                    .isEqualTo(sampleBehind(link.get("kpi"), acme, -1));
            assertThat(browser.driver.findElement(By.id("list-scope")).getText()).contains("supplier acme");
        }

        String tag = "web";
        browser.open(server.url("/compare?window=P90D&tag=" + tag));
        awaitTrue("return document.querySelector('#side-by-side a.drill') !== null");
        List<Map<String, String>> compared = drillLinks("#side-by-side tr[data-kpi=\"deploymentFrequency\"] a.drill");
        assertThat(compared).isNotEmpty();
        for (Map<String, String> link : compared) {
            String supplier = query(link.get("href")).get("supplier");
            JsonObject kpis = server.json("/api/v1/kpis?window=P90D&tag=" + tag + "&supplier=" + encode(supplier));
            browser.open(link.get("href"));
            assertThat(listTotal()).as("%s's deployments of applications tagged %s", supplier, tag)
                    .isEqualTo(kpis.getAsJsonObject("deploymentFrequency").get("deployments").getAsLong());
            assertThat(browser.driver.findElement(By.id("list-scope")).getText()).contains("tagged " + tag);
        }
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theScorecardsSamplesAndLinksFollowTheEnvironment() {
        String period = server.json("/api/v1/scorecards/acme").getAsJsonObject("period").get("label").getAsString();
        browser.open(server.url("/suppliers/acme?period=" + period));
        awaitEqual(this::scorecardSamples, expectedSamples(server.json("/api/v1/scorecards/acme?period=" + period)));

        WebElement environment = browser.driver.findElement(By.id("environment"));
        environment.clear();
        environment.sendKeys("staging", Keys.TAB);
        Map<String, String> staging = expectedSamples(server.json("/api/v1/scorecards/acme?period=" + period
                + "&environment=staging"));
        assertThat(staging).as("the environment changes the samples")
                .isNotEqualTo(expectedSamples(server.json("/api/v1/scorecards/acme?period=" + period)));
        awaitEqual(this::scorecardSamples, staging);
        awaitLinksCarry(Map.of("environment", "staging"), "#kpi-table a.drill");
        assertLinksCarry(Map.of("environment", "staging", "period", period), "#json-link, #csv-link");
        assertThat(browser.errors()).isEmpty();
    }

    private Map<String, String> scorecardSamples() {
        Map<String, String> out = new TreeMap<>();
        ((List<?>) browser.js("return [...document.querySelectorAll('#kpi-table tbody tr')].map((tr) => [tr.dataset.metric,"
                + " tr.querySelector('[data-field=\"samples\"]').dataset.value]);")).forEach(row -> {
                    List<?> r = (List<?>) row;
                    out.put(String.valueOf(r.get(0)), String.valueOf(r.get(1)));
                });
        return out;
    }

    private static Map<String, String> expectedSamples(JsonObject scorecard) {
        Map<String, String> out = new TreeMap<>();
        for (JsonElement k : scorecard.getAsJsonArray("kpis")) {
            JsonElement samples = k.getAsJsonObject().get("samples");
            out.put(k.getAsJsonObject().get("metric").getAsString(), samples == null || samples.isJsonNull() ? ""
                    : String.valueOf(samples.getAsLong()));
        }
        return out;
    }

    @Test
    void theScorecardsSamplesLeadToTheListsOfThePeriod() {
        String month = DemoServer.NOW.atZone(ZoneOffset.UTC).minusMonths(2)
                .format(DateTimeFormatter.ofPattern("yyyy-MM"));
        JsonObject api = server.json("/api/v1/scorecards/acme?period=" + month);
        browser.open(server.url("/suppliers/acme?period=" + month));
        awaitTrue("return document.querySelector('#kpi-table a.drill') !== null");
        Object rows = browser.js("return [...document.querySelectorAll('#kpi-table tbody tr')]"
                + ".filter((tr) => tr.querySelector('a.drill')).map((tr) => [tr.dataset.metric,"
                + " tr.querySelector('a.drill').href]);");
        List<String[]> links = new ArrayList<>();
        for (Object row : (List<?>) rows) {
            List<?> pair = (List<?>) row;
            links.add(new String[] {String.valueOf(pair.get(0)), String.valueOf(pair.get(1))});
        }
        assertThat(links).extracting(l -> l[0]).contains("deploymentsPerWeek", "changeSuccessRate");
        String from = api.getAsJsonObject("period").get("from").getAsString().substring(0, 10);
        for (String[] link : links) {
            Map<String, String> q = query(link[1]);
            assertThat(q).containsEntry("supplier", "acme").containsEntry("from", from);
            JsonObject kpi = null;
            for (JsonElement k : api.getAsJsonArray("kpis")) {
                if (k.getAsJsonObject().get("metric").getAsString().equals(link[0])) {
                    kpi = k.getAsJsonObject();
                }
            }
            browser.open(link[1]);
            long total = listTotal();
            if (link[0].equals("deploymentsPerWeek") || link[0].equals("reworkRate")) {
                assertThat(total).as("the list behind %s", link[0]).isEqualTo(kpi.get("samples").getAsLong());
            }
        }
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theApplicationPagePagesItsDeploymentsAndExportsThemAsCsv() {
        String params = "application=shop&window=P180D&environment=production&zone=UTC";
        JsonObject first = server.json("/api/v1/deployments?" + params + "&offset=0&limit=20");
        JsonObject second = server.json("/api/v1/deployments?" + params + "&offset=20&limit=20");
        long total = first.get("total").getAsLong();
        assertThat(total).as("more deployments than one page").isGreaterThan(20);
        browser.open(server.url("/applications/shop?window=P180D"));
        awaitTrue("return document.querySelector('#deployments .list-total') !== null");
        assertThat(browser.js("return document.querySelector('#deployments .list-total').dataset.total"))
                .isEqualTo(String.valueOf(total));
        assertThat(deploymentIds()).isEqualTo(ids(first));
        assertThat(browser.driver.findElements(By.cssSelector("#deployments .page-previous"))).isEmpty();

        browser.driver.findElement(By.cssSelector("#deployments .page-next")).click();
        awaitEqual(this::deploymentIds, ids(second));
        assertThat(browser.js("return document.querySelector('#deployments .list-total').textContent"))
                .asString().contains("21–40 of " + total);
        browser.driver.findElement(By.cssSelector("#deployments .page-previous")).click();
        awaitEqual(this::deploymentIds, ids(first));

        String csv = (String) browser.js("return document.querySelector('#deployments .csv-link').href");
        assertThat(query(csv)).containsEntry("application", "shop").containsEntry("window", "P180D")
                .containsEntry("environment", "production").doesNotContainKey("limit").doesNotContainKey("offset");
        HttpResponse<String> answer = server.send(HttpRequest.newBuilder(URI.create(csv)).GET().build());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body().split("\r\n")).as("a header and one row per deployment").hasSize((int) total + 1);
        assertThat(browser.errors()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ definitions

    @Test
    void everyKpiLabelOnEveryPageHasItsDefinition() {
        String team = server.json("/api/v1/teams?window=P90D").getAsJsonArray("teams").get(0).getAsJsonObject()
                .get("team").getAsString();
        for (String page : List.of("/?window=P90D", "/?window=P90D&group=supplier", "/applications/shop?window=P90D",
                "/teams/" + encode(team) + "?window=P90D", "/suppliers/acme", "/compare?window=P90D")) {
            browser.open(server.url(page));
            awaitTrue("return document.querySelector('#main h1') !== null"
                    + " && document.querySelector('#main .loading-trends') === null");
            Object labels = browser.js("""
                    const names = /^(Deployment frequency|Deployments per|Deployments \\/ week|Successful deployments|Lead time|Change success|Change failure|(Mean )?time to (restore|detect|resolve)|(Deployment )?rework|Availability|Stakeholder satisfaction|Shared component use)/i;
                    return [...document.querySelectorAll('#main h2, #main h3, #main h4, #main th, #main dt, #main figcaption, #main caption, #main .kpi-label')]
                      .filter((n) => names.test(n.textContent.trim()))
                      .map((n) => n.textContent.trim().slice(0, 40) + ' => ' + (n.getAttribute('title') || 'NONE'));""");
            List<String> found = new ArrayList<>();
            ((List<?>) labels).forEach(l -> found.add(String.valueOf(l)));
            assertThat(found).as("KPI labels on %s", page).isNotEmpty();
            assertThat(found).as("every KPI label on %s has its definition with its sample", page)
                    .allSatisfy(l -> assertThat(l).doesNotEndWith("NONE").contains("Sample: "));
        }
        // the words are metrics.md's: one label checked for its KPI's rule
        browser.open(server.url("/applications/shop?window=P90D"));
        assertThat(browser.js("return [...document.querySelectorAll('.kpi-card h3')].find((h) =>"
                + " h.textContent === 'Change failure rate').title")).asString()
                .contains("Wilson").contains("SUCCESS and FAILURE deployments");
        assertThat(browser.errors()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The sample of a figure as the list behind it counts it (metrics.md; docs/dashboard.md, "Drill-down"). */
    private static long sampleBehind(String kpi, JsonObject kpis, long overlappingIncidents) {
        JsonObject resolve = kpis.getAsJsonObject("timeToResolve");
        JsonObject restore = kpis.getAsJsonObject("timeToRestore");
        return switch (kpi) {
            case "deploymentFrequency", "leadTime" -> kpis.getAsJsonObject("deploymentFrequency").get("deployments")
                    .getAsLong();
            case "reworkRate" -> kpis.getAsJsonObject("reworkRate").get("total").getAsLong();
            case "changeFailureRate", "changeSuccessRate" -> kpis.getAsJsonObject("changeFailureRate").get("failed")
                    .getAsLong();
            case "timeToRestore" -> restore.get("count").getAsLong() + restore.get("open").getAsLong();
            case "timeToDetect", "timeToResolve" -> resolve.get("count").getAsLong() + resolve.get("open").getAsLong();
            case "availability" -> overlappingIncidents;
            default -> throw new AssertionError("no list behind " + kpi);
        };
    }

    /**
     * Waits until the widgets' figures ([data-scope] [data-kpi]) equal /kpis for their scope and this query and every
     * drill-down link and the JSON link carry the query; answers the figures by scope and KPI.
     */
    private Map<String, Double> awaitFiguresMatchApi(Map<String, String> query) {
        awaitLinksCarry(query, "a.drill");
        Map<String, Double> shown = new TreeMap<>();
        awaitEqual(() -> {
            shown.clear();
            shown.putAll(figures("[data-scope] [data-kpi][data-value]", null));
            return shown;
        }, null, (figures) -> figures instanceof Map<?, ?> map && !map.isEmpty()
                && map.equals(expectedFigures(shown.keySet(), query)));
        assertLinksCarry(query, "a.drill");
        return new TreeMap<>(shown);
    }

    private Map<String, Double> awaitApplicationMatchesApi(String app, Map<String, String> query) {
        awaitLinksCarry(query, ".kpi-card a.drill");
        Map<String, Double> shown = new TreeMap<>();
        awaitEqual(() -> {
            shown.clear();
            shown.putAll(figures(".kpi-card [data-kpi][data-value]", "application:" + app));
            return shown;
        }, null, (figures) -> figures instanceof Map<?, ?> map && !map.isEmpty()
                && map.equals(expectedFigures(shown.keySet(), query)));
        String params = "application=" + app + "&" + queryString(query);
        long total = server.json("/api/v1/deployments?" + params).get("total").getAsLong();
        awaitEqual(() -> browser.js("const n = document.querySelector('#deployments .list-total');"
                + " return n ? Number(n.dataset.total) : (document.querySelector('#deployments') ? -1 : 0);"),
                total);
        if (total > 0) {
            assertLinksCarry(query, "#deployments .csv-link");
        }
        return new TreeMap<>(shown);
    }

    private Map<String, Double> figures(String selector, String scope) {
        Object rows = browser.js("return [...document.querySelectorAll(arguments[0])].map((n) => {"
                + " const w = n.closest('[data-scope]');"
                + " return [w ? w.dataset.scope : arguments[1], n.dataset.kpi, n.dataset.value]; });", selector, scope);
        Map<String, Double> out = new TreeMap<>();
        for (Object row : (List<?>) rows) {
            List<?> r = (List<?>) row;
            String value = String.valueOf(r.get(2));
            out.put(r.get(0) + "|" + r.get(1), value.equals("null") ? null : Double.valueOf(value));
        }
        return out;
    }

    private static Map<String, Double> expectedFigures(Iterable<String> keys, Map<String, String> query) {
        Map<String, Double> out = new TreeMap<>();
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        for (String key : keys) {
            String scope = key.substring(0, key.indexOf('|'));
            String kpi = key.substring(key.indexOf('|') + 1);
            JsonObject kpis = answers.computeIfAbsent(scope, s -> server.json("/api/v1/kpis?" + scopeParam(s)
                    + queryString(query)));
            out.put(key, value(kpis, kpi));
        }
        return out;
    }

    private static String scopeParam(String scope) {
        if (scope.equals("all")) {
            return "";
        }
        int colon = scope.indexOf(':');
        return scope.substring(0, colon) + "=" + encode(scope.substring(colon + 1)) + "&";
    }

    private static Double value(JsonObject kpis, String path) {
        JsonElement at = kpis;
        for (String part : path.split("\\.")) {
            at = at.getAsJsonObject().get(part);
        }
        return at == null || at.isJsonNull() ? null : at.getAsDouble();
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder out = new StringBuilder();
        query.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(k).append('=').append(encode(v)));
        return out.toString();
    }

    private void awaitLinksCarry(Map<String, String> query, String selector) {
        awaitEqual(() -> {
            try {
                assertLinksCarry(query, selector);
                return true;
            } catch (AssertionError e) {
                return e.getMessage();
            }
        }, true);
    }

    /** Every link matching the selector (at least one) and the footer's JSON link carry the query's values. */
    private void assertLinksCarry(Map<String, String> query, String selector) {
        Object hrefs = browser.js("return [...document.querySelectorAll(arguments[0])].map((a) => a.href)"
                + ".concat([document.getElementById('api-link').href]);", selector);
        List<?> list = (List<?>) hrefs;
        assertThat(list).as("links %s", selector).hasSizeGreaterThan(1);
        for (Object href : list) {
            Map<String, String> q = query(String.valueOf(href));
            query.forEach((k, v) -> {
                // the pages leave defaults out of their own links; the API's JSON link names every parameter
                boolean isDefault = (k.equals("window") && v.equals("P30D")) || (k.equals("environment")
                        && v.equals("production")) || (k.equals("zone") && v.equals("UTC"));
                if (isDefault) {
                    assertThat(q.getOrDefault(k, v)).as("%s of %s", k, href).isEqualTo(v);
                } else {
                    assertThat(q).as("%s", href).containsEntry(k, v);
                }
            });
        }
    }

    private List<String> suppliersOf(JsonObject comparison) {
        List<String> names = new ArrayList<>();
        comparison.getAsJsonArray("suppliers").forEach(s -> names.add(s.getAsJsonObject().get("supplier")
                .getAsString()));
        return names;
    }

    /** A trend table as the page shows it: per supplier, its column (the numbers without formatting). */
    private Map<String, List<String>> trendTable(String id) {
        return trendColumns(id, false);
    }

    /** A trend table's sample sizes ("n = 3" in each cell): per supplier, its column. */
    private Map<String, List<String>> trendSamples(String id) {
        return trendColumns(id, true);
    }

    /** Per supplier, its column of the trend table: each cell's number, or its sample size when {@code samples}. */
    private Map<String, List<String>> trendColumns(String id, boolean samples) {
        Object table = browser.js("""
                const t = document.getElementById(arguments[0] + '-table');
                const samples = arguments[1];
                if (!t) return null;
                const names = [...t.querySelectorAll('thead th')].slice(1).map((th) => th.textContent.trim());
                const out = {};
                names.forEach((n) => { out[n] = []; });
                for (const tr of t.querySelectorAll('tbody tr')) {
                  [...tr.querySelectorAll('td')].forEach((td, i) => {
                    if (samples) {
                      const m = /\\(n = (\\d+)\\)/.exec(td.textContent);
                      out[names[i]].push(m ? m[1] : '—');
                    } else {
                      out[names[i]].push(td.textContent.replace(/ \\(n = \\d+\\)$/, '').replace(/ %$/, '').trim());
                    }
                  });
                }
                return out;""", id, samples);
        Map<String, List<String>> out = new TreeMap<>();
        if (table instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                List<String> column = new ArrayList<>();
                ((List<?>) v).forEach(x -> column.add(String.valueOf(x)));
                out.put(String.valueOf(k), column);
            });
        }
        return out;
    }

    /**
     * The API's trend per supplier for a KPI path: counts as whole numbers, availability as the page's "99.50"
     * (percent with two decimals), time to resolve as the sample count (compared through the table's "n = ").
     */
    private Map<String, List<String>> expectedTrendTable(String path, List<String> suppliers, String query) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String supplier : suppliers) {
            List<String> column = new ArrayList<>();
            for (JsonElement bucket : server.json("/api/v1/trends?supplier=" + encode(supplier) + "&bucket=week&"
                    + query).getAsJsonArray("buckets")) {
                Double v = value(bucket.getAsJsonObject().getAsJsonObject("kpis"), path);
                column.add(path.startsWith("availability") ? (v == null ? "no data"
                        : new java.math.BigDecimal(v * 100).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                        : v == null ? "—" : String.valueOf(v.longValue()));
            }
            out.put(supplier, column);
        }
        return out;
    }

    private List<String> trendCharts() {
        List<String> ids = new ArrayList<>();
        ((List<?>) browser.js("return [...document.querySelectorAll('#main figure.compare-card[id^=\"trend-\"]')]"
                + ".map((f) => f.id);")).forEach(id -> ids.add(String.valueOf(id)));
        return ids;
    }

    private List<Map<String, String>> drillLinks(String selector) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Object row : (List<?>) browser.js("return [...document.querySelectorAll(arguments[0])]"
                + ".map((a) => [a.dataset.drill, a.href]);", selector)) {
            List<?> r = (List<?>) row;
            out.add(Map.of("kpi", String.valueOf(r.get(0)), "href", String.valueOf(r.get(1))));
        }
        return out;
    }

    private long listTotal() {
        awaitTrue("return document.querySelector('#main .list-total') !== null"
                + " || document.querySelector('#main .notice-error') !== null");
        Object total = browser.js("const n = document.querySelector('#main .list-total');"
                + " return n ? Number(n.dataset.total) : -1;");
        return ((Number) total).longValue();
    }

    private long listRows() {
        return ((Number) browser.js("return document.querySelectorAll('#main .paged-list tbody tr').length;"))
                .longValue();
    }

    private List<String> deploymentIds() {
        List<String> ids = new ArrayList<>();
        ((List<?>) browser.js("return [...document.querySelectorAll('#deployments tbody tr')].map((tr) => tr.dataset.id);"))
                .forEach(id -> ids.add(String.valueOf(id)));
        return ids;
    }

    private static List<String> ids(JsonObject page) {
        List<String> ids = new ArrayList<>();
        page.getAsJsonArray("deployments").forEach(d -> ids.add(d.getAsJsonObject().get("id").getAsString()));
        return ids;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void awaitTrue(String script) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(browser.js(script)));
    }

    private static void awaitEqual(Supplier<?> actual, Object expected) {
        awaitEqual(actual, expected, (value) -> java.util.Objects.equals(value, expected));
    }

    private static void awaitEqual(Supplier<?> actual, Object expected, java.util.function.Predicate<Object> done) {
        Object[] last = new Object[1];
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> {
                last[0] = actual.get();
                return done.test(last[0]);
            });
        } catch (TimeoutException e) {
            if (expected != null) {
                assertThat(last[0]).isEqualTo(expected);
            }
            throw new AssertionError("the page did not reach the expected state; last seen: " + last[0], e);
        }
    }
}
