package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supplier governance pages (scorecard, comparison, admin) against the API they read, in a real browser and a
 * real server over the demo data (which holds targets, surveys and tags) with its clock fixed: every figure the
 * pages show is compared with the JSON fetched here for the same query. One browser and one server for the class.
 */
class GovernancePagesBrowserTest {
    static final String SUPPLIER = "acme";
    static final List<String> RATES = List.of("changeSuccessRate", "changeFailureRate", "reworkRate");
    /** The stroke colour of the error bars (charts.js ERROR_BAR_INK). */
    static final String ERROR_BAR_INK = "#14243a";

    static DemoServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = DemoServer.start();
        seedAFailingSupplier();
        browser = Browser.start(1400, 1000);
    }

    /**
     * A supplier whose changes fail far more often than the demo's, on a web application: its difference to every
     * other supplier is significant, while the demo's suppliers are too close to tell apart.
     */
    static void seedAFailingSupplier() {
        StringBuilder events = new StringBuilder("""
                [{"type": "assignment", "application": "zenith-app", "supplier": "zenith", "team": "zenith-team",
                  "responsibility": "BOTH", "from": "2020-01-01T00:00:00Z"},
                 {"type": "application", "application": "zenith-app", "tags": ["web"]}""");
        for (int i = 0; i < 40; i++) {
            Instant finished = DemoServer.NOW.minus(Duration.ofHours(6 + 30L * i));
            events.append(", {\"type\": \"deployment\", \"id\": \"zenith-%d\", \"application\": \"zenith-app\","
                    .formatted(i) + " \"environment\": \"production\", \"started\": \"%s\", \"finished\": \"%s\","
                    .formatted(finished.minus(Duration.ofMinutes(10)), finished)
                    + " \"result\": \"%s\"}".formatted(i % 4 == 0 ? "SUCCESS" : "FAILURE"));
        }
        server.post(events.append(']').toString());
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, server);
    }

    // ------------------------------------------------------------------------------------------------ scorecard

    @Test
    void theScorecardShowsTheApisNumbersForEveryKpi() {
        String period = server.json("/api/v1/scorecards/" + SUPPLIER).getAsJsonObject("period").get("label")
                .getAsString();
        JsonObject api = server.json("/api/v1/scorecards/" + SUPPLIER + "?period=" + period);
        assertThat(api.getAsJsonArray("kpis")).as("the API lists KPIs").isNotEmpty();
        assertThat(verdicts(api)).as("the demo has contracted KPIs with a verdict").contains("MET", "MISSED");

        browser.open(server.url("/suppliers/" + SUPPLIER + "?period=" + period));

        assertThat(scorecardRows()).isEqualTo(expectedScorecardRows(api));
        assertThat(browser.driver.findElement(By.id("period-text")).getText()).contains(period);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void choosingAMonthAsksTheApiForThatMonthAndPutsItInTheUrl() {
        browser.open(server.url("/suppliers/" + SUPPLIER));
        new Select(browser.driver.findElement(By.id("period-kind"))).selectByValue("month");
        // two months back: complete whatever day the test runs
        String month = DemoServer.NOW.atZone(ZoneOffset.UTC).minusMonths(2)
                .format(DateTimeFormatter.ofPattern("yyyy-MM"));
        new Select(browser.driver.findElement(By.id("period"))).selectByValue(month);

        JsonObject api = server.json("/api/v1/scorecards/" + SUPPLIER + "?period=" + month);
        assertThat(api.getAsJsonObject("period").get("label").getAsString()).isEqualTo(month);
        List<Map<String, String>> expected = expectedScorecardRows(api);
        awaitEqual(this::scorecardRows, expected);
        assertThat(browser.driver.getCurrentUrl()).contains("period=" + month);
        assertThat(browser.driver.findElement(By.id("period-text")).getText()).contains(" · " + month + " · ");
        assertThat(browser.js("return performance.getEntriesByType('resource').map((e) => e.name)"
                + ".filter((n) => n.includes('/api/v1/scorecards/')).some((n) => new URL(n).searchParams.get('period') === arguments[0])",
                month)).as("the page asked the API for period=%s", month).isEqualTo(true);
        // the month's figures differ from the quarter's somewhere, so the check above could fail
        JsonObject quarter = server.json("/api/v1/scorecards/" + SUPPLIER);
        assertThat(expected).isNotEqualTo(expectedScorecardRows(quarter));
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void thePrintedScorecardIsA4AndEveryPageNamesTheSupplierAndPeriod() throws IOException {
        JsonObject api = server.json("/api/v1/scorecards/" + SUPPLIER);
        String period = api.getAsJsonObject("period").get("label").getAsString();
        browser.open(server.url("/suppliers/" + SUPPLIER + "?period=" + period));
        awaitCharts("#main .chart-period");

        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0)); // height, width in cm: A4 portrait
        options.setBackground(true);
        Pdf pdf = browser.driver.print(options);
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).as("the scorecard spans several pages").isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            StringBuilder all = new StringBuilder();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                PDPage page = document.getPage(i - 1);
                PDRectangle box = page.getMediaBox();
                assertThat(box.getWidth()).as("width of page %d", i).isCloseTo(595.28f, offset(1f));
                assertThat(box.getHeight()).as("height of page %d", i).isCloseTo(841.89f, offset(1f));
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                String text = normalize(stripper.getText(document));
                assertThat(text).as("text of page %d", i).contains(SUPPLIER).contains(period);
                all.append(text).append(' ');
            }
            String text = all.toString().toLowerCase(Locale.ROOT);
            for (JsonElement kpi : api.getAsJsonArray("kpis")) {
                String label = kpi.getAsJsonObject().get("label").getAsString();
                assertThat(text).as("the printed scorecard names the KPI %s", label)
                        .contains(normalize(label).toLowerCase(Locale.ROOT));
            }
        }

        // the page's own @page rule asks for A4: Chromium honouring it turns a Letter default into A4 pages
        Map<String, Object> printed = browser.driver.executeCdpCommand("Page.printToPDF", Map.of(
                "preferCSSPageSize", true, "paperWidth", 8.5, "paperHeight", 11.0, "printBackground", true));
        try (PDDocument document = Loader.loadPDF(Base64.getDecoder().decode((String) printed.get("data")))) {
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).as("width with the page's own size")
                        .isCloseTo(595.28f, offset(1f));
                assertThat(page.getMediaBox().getHeight()).as("height with the page's own size")
                        .isCloseTo(841.89f, offset(1f));
            }
        }
    }

    /**
     * issue 12: the printed scorecard of a supplier that only runs applications says "not responsible" for the
     * delivery KPIs (never 0 or 100 %), and every target line of its trend charts lies inside the value axis as
     * printed (print media).
     */
    @Test
    void thePrintedScorecardOfARunnerSaysNotResponsibleAndKeepsItsTargetLines() throws IOException {
        String runner = null;
        for (JsonElement entry : server.json("/api/v1/suppliers?window=P90D").getAsJsonArray("suppliers")) {
            if (entry.getAsJsonObject().getAsJsonArray("responsibilities").toString().equals("[\"OPERATIONS\"]")) {
                runner = entry.getAsJsonObject().get("supplier").getAsString();
            }
        }
        assertThat(runner).as("the demo has a supplier that only runs applications").isNotNull();
        JsonObject api = server.json("/api/v1/scorecards/" + runner);
        assertThat(api.getAsJsonArray("responsibilitiesHeld").toString()).isEqualTo("[\"OPERATIONS\"]");
        List<String> notResponsible = new ArrayList<>();
        for (JsonElement kpi : api.getAsJsonArray("kpis")) {
            if (!kpi.getAsJsonObject().get("responsible").getAsBoolean()) {
                notResponsible.add(kpi.getAsJsonObject().get("metric").getAsString());
            }
        }
        assertThat(notResponsible).as("delivery KPIs of a runner").contains("deploymentsPerWeek", "changeSuccessRate");

        browser.open(server.url("/suppliers/" + runner));
        awaitCharts("#main .chart-period");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            Object outside = browser.js("""
                    return [...document.querySelectorAll('.trend-card .chart-period')].flatMap((node) => {
                      const chart = window.echarts.getInstanceByDom(node);
                      if (!chart) return [];
                      chart.resize();
                      const extent = chart.getModel().getComponent('yAxis', 0).axis.scale.getExtent();
                      const series = chart.getOption().series[0];
                      const targets = series.markLine && series.markLine.data ? series.markLine.data.map((d) => d.yAxis) : [];
                      return targets.filter((t) => t < extent[0] || t > extent[1]).map((t) => node.id + ': ' + t);
                    });""");
            assertThat((List<?>) outside).as("target lines outside their axis when printed").isEmpty();
            for (String metric : notResponsible) {
                assertThat(browser.driver.findElement(By.cssSelector("#kpi-table tr[data-metric=\"" + metric
                        + "\"] [data-field=\"value\"]")).getText()).as(metric).isEqualTo("not responsible");
            }
            PrintOptions options = new PrintOptions();
            options.setPageSize(new PageSize(29.7, 21.0));
            options.setBackground(true);
            byte[] bytes = Base64.getDecoder().decode(browser.driver.print(options).getContent());
            try (PDDocument document = Loader.loadPDF(bytes)) {
                String text = normalize(new PDFTextStripper().getText(document)).toLowerCase(Locale.ROOT);
                assertThat(text).contains("not responsible");
                assertThat(text).doesNotContain("availability 100.00 %");
            }
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        assertThat(browser.errors()).isEmpty();
    }

    private List<Map<String, String>> scorecardRows() {
        Object rows = browser.js("""
                const text = (node) => {
                  if (!node) return null;
                  const copy = node.cloneNode(true);
                  copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
                  return copy.textContent.replace(/\\s+/g, ' ').trim();
                };
                return [...document.querySelectorAll('#kpi-table tbody tr')].map((tr) => {
                  const cell = (f) => tr.querySelector('[data-field="' + f + '"]');
                  const verdict = cell('verdict') && cell('verdict').querySelector('[data-verdict]');
                  return { metric: tr.dataset.metric, label: text(cell('label')), value: text(cell('value')),
                    dataValue: cell('value') ? cell('value').dataset.value : null, samples: text(cell('samples')),
                    target: text(cell('target')), verdict: verdict ? verdict.dataset.verdict : null,
                    verdictWord: text(cell('verdict')) };
                });""");
        List<Map<String, String>> result = new ArrayList<>();
        for (Object row : (List<?>) rows) {
            Map<String, String> map = new LinkedHashMap<>();
            ((Map<?, ?>) row).forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
            map.put("dataValue", canonicalNumber(map.get("dataValue")));
            result.add(map);
        }
        return result;
    }

    private static List<Map<String, String>> expectedScorecardRows(JsonObject api) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonElement element : api.getAsJsonArray("kpis")) {
            JsonObject kpi = element.getAsJsonObject();
            String metric = kpi.get("metric").getAsString();
            Double value = number(kpi.get("value"));
            Map<String, String> row = new LinkedHashMap<>();
            row.put("metric", metric);
            row.put("label", kpi.get("label").getAsString());
            row.put("value", formatWithUnit(metric, value));
            row.put("dataValue", value == null ? "null" : String.valueOf(value));
            row.put("samples", kpi.get("samples").isJsonNull() ? "—" : String.valueOf(kpi.get("samples").getAsLong()));
            String target = "no target";
            if (kpi.get("target").isJsonObject()) {
                JsonObject t = kpi.getAsJsonObject("target");
                target = operatorWord(t.get("operator").getAsString()) + " " + formatWithUnit(metric,
                        t.get("value").getAsDouble());
                int minSamples = t.get("minSamples").getAsInt();
                if (minSamples != 0) {
                    target += " (min. " + minSamples + " samples)";
                }
            }
            row.put("target", target);
            String verdict = kpi.get("verdict").getAsString();
            row.put("verdict", verdict);
            row.put("verdictWord", switch (verdict) {
                case "MET" -> "met";
                case "MISSED" -> "missed";
                case "NOT_ENOUGH_DATA" -> "not enough data";
                case "NO_TARGET" -> "no target";
                default -> "unknown verdict " + verdict;
            });
            rows.add(row);
        }
        return rows;
    }

    private static List<String> verdicts(JsonObject scorecard) {
        List<String> verdicts = new ArrayList<>();
        scorecard.getAsJsonArray("kpis").forEach((k) -> verdicts.add(k.getAsJsonObject().get("verdict").getAsString()));
        return verdicts;
    }

    // ------------------------------------------------------------------------------------------------ comparison

    @Test
    @SuppressWarnings("unchecked")
    void theComparisonShowsTheApisRatesSamplesErrorBarsAndSignificance() {
        String query = "?window=P90D";
        JsonObject api = server.json("/api/v1/comparison" + query);
        JsonArray differences = api.getAsJsonArray("differences");
        assertThat(api.getAsJsonArray("suppliers").size()).as("suppliers compared").isGreaterThanOrEqualTo(2);
        List<Boolean> verdicts = new ArrayList<>();
        differences.forEach((d) -> verdicts.add(d.getAsJsonObject().get("significant").getAsBoolean()));
        assertThat(verdicts).as("the data has significant and not significant pairs").contains(true, false);

        browser.open(server.url("/compare" + query));
        awaitEqual(this::comparisonRows, expectedComparisonRows(api));
        awaitCharts(".chart-errorbars");

        int totalStrokes = 0;
        for (String metric : RATES) {
            List<String> withInterval = new ArrayList<>();
            for (JsonElement s : api.getAsJsonArray("suppliers")) {
                JsonElement ci = s.getAsJsonObject().getAsJsonObject("kpis").getAsJsonObject(metric).get("ci95");
                if (ci != null && ci.isJsonArray()) {
                    withInterval.add(s.getAsJsonObject().get("supplier").getAsString());
                }
            }
            Map<?, ?> bars = (Map<?, ?>) browser.js(ERROR_BARS, "errorbars-" + metric, ERROR_BAR_INK);
            assertThat(((Number) bars.get("strokes")).intValue())
                    .as("%s: three strokes (bar and two caps) per supplier with an interval", metric)
                    .isEqualTo(3 * withInterval.size());
            totalStrokes += ((Number) bars.get("strokes")).intValue();
            assertThat((List<Object>) bars.get("suppliersWithBar")).as("%s: an error bar above each supplier's name", metric)
                    .containsExactlyInAnyOrderElementsOf(withInterval);
        }
        assertThat(totalStrokes).as("error bars drawn").isPositive();

        // "not significant" exactly for the pairs the API calls so, "significant" for the others; a pair where a
        // supplier has no interval (the rework rate has none) was not tested: "not compared", never "not significant"
        List<Map<String, String>> expected = new ArrayList<>();
        for (JsonElement element : differences) {
            JsonObject d = element.getAsJsonObject();
            String metric = d.get("metric").getAsString();
            boolean tested = hasInterval(api, metric, d.get("a").getAsString())
                    && hasInterval(api, metric, d.get("b").getAsString());
            expected.add(Map.of("metric", metric, "a", d.get("a").getAsString(), "b", d.get("b").getAsString(),
                    "label", !tested ? "not compared" : d.get("significant").getAsBoolean() ? "significant"
                            : "not significant"));
        }
        assertThat(expected).as("both kinds of pairs are on the page")
                .anySatisfy(pair -> assertThat(pair.get("label")).isEqualTo("not compared"))
                .anySatisfy(pair -> assertThat(pair.get("label")).isEqualTo("not significant"));
        assertThat(significanceLabels()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(browser.errors()).isEmpty();
    }

    private static boolean hasInterval(JsonObject comparison, String metric, String supplier) {
        for (JsonElement s : comparison.getAsJsonArray("suppliers")) {
            if (s.getAsJsonObject().get("supplier").getAsString().equals(supplier)) {
                JsonElement kpi = s.getAsJsonObject().getAsJsonObject("kpis").get(metric);
                return kpi != null && kpi.isJsonObject() && kpi.getAsJsonObject().get("ci95") != null
                        && kpi.getAsJsonObject().get("ci95").isJsonArray();
            }
        }
        return false;
    }

    @Test
    void likeForLikeControlsChangeTheUrlAndFiguresAndBackRestoresThem() {
        String base = "?window=P90D";
        JsonObject all = server.json("/api/v1/comparison" + base);
        JsonObject delivery = server.json("/api/v1/comparison" + base + "&responsibility=DELIVERY");
        JsonObject deliveryWeb = server.json("/api/v1/comparison" + base + "&responsibility=DELIVERY&tag=web");
        assertThat(expectedComparisonRows(delivery)).as("responsibility changes the figures")
                .isNotEqualTo(expectedComparisonRows(all));
        assertThat(expectedComparisonRows(deliveryWeb)).as("the tag changes the figures")
                .isNotEqualTo(expectedComparisonRows(delivery));

        browser.open(server.url("/compare" + base));
        awaitEqual(this::comparisonRows, expectedComparisonRows(all));

        new Select(browser.driver.findElement(By.id("responsibility"))).selectByValue("DELIVERY");
        awaitEqual(this::comparisonRows, expectedComparisonRows(delivery));
        assertThat(query()).containsEntry("responsibility", "DELIVERY").doesNotContainKey("tag");

        awaitEqual(() -> browser.js("return [...document.querySelectorAll('#tag option')].map((o) => o.value)"),
                null, (options) -> options instanceof List<?> list && list.contains("web"));
        new Select(browser.driver.findElement(By.id("tag"))).selectByValue("web");
        awaitEqual(this::comparisonRows, expectedComparisonRows(deliveryWeb));
        assertThat(query()).containsEntry("responsibility", "DELIVERY").containsEntry("tag", "web");
        assertThat(browser.driver.findElement(By.id("compare-scope")).getText()).contains("tagged web");

        browser.driver.navigate().back();
        awaitEqual(this::comparisonRows, expectedComparisonRows(delivery));
        assertThat(query()).containsEntry("responsibility", "DELIVERY").doesNotContainKey("tag");
        assertThat(new Select(browser.driver.findElement(By.id("tag"))).getFirstSelectedOption().getAttribute("value"))
                .isEmpty();

        browser.driver.navigate().back();
        awaitEqual(this::comparisonRows, expectedComparisonRows(all));
        assertThat(query()).doesNotContainKey("responsibility").doesNotContainKey("tag");
        assertThat(new Select(browser.driver.findElement(By.id("responsibility"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("BOTH");
        assertThat(browser.errors()).isEmpty();
    }

    /** Per rate and supplier: the value shown (text and data attribute) and the sample size. */
    private Map<String, String> comparisonRows() {
        Object rows = browser.js("""
                const out = {};
                for (const metric of arguments[0]) {
                  for (const tr of document.querySelectorAll('#table-' + metric + ' tbody tr')) {
                    const cell = (f) => tr.querySelector('[data-field="' + f + '"]');
                    out[metric + '/' + tr.dataset.supplier] = [cell('value').textContent.trim(), cell('value').dataset.value,
                      cell('samples').textContent.trim()].join(' | ');
                  }
                }
                const table = document.getElementById('side-by-side');
                if (table) {
                  const names = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent.trim());
                  for (const tr of table.querySelectorAll('tbody tr')) {
                    const label = tr.querySelector('th').textContent.trim();
                    [...tr.querySelectorAll('td')].forEach((td, i) => {
                      out['side/' + label + '/' + names[i]] = td.textContent.trim() + ' | null | ';
                    });
                  }
                }
                const apps = document.getElementById('compared-applications');
                out.applications = (apps ? apps.textContent.trim() : 'none') + ' | null | ';
                return out;""", RATES);
        Map<String, String> result = new LinkedHashMap<>();
        ((Map<?, ?>) rows).forEach((k, v) -> {
            String[] parts = String.valueOf(v).split(" \\| ", -1);
            result.put(String.valueOf(k), parts[0] + " | " + canonicalNumber(parts[1]) + " | " + parts[2]);
        });
        return result;
    }

    private static Map<String, String> expectedComparisonRows(JsonObject api) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String metric : RATES) {
            for (JsonElement element : api.getAsJsonArray("suppliers")) {
                JsonObject supplier = element.getAsJsonObject();
                JsonObject kpis = supplier.getAsJsonObject("kpis");
                JsonObject kpi = kpis.get(metric).isJsonObject() ? kpis.getAsJsonObject(metric) : new JsonObject();
                Double rate = number(kpi.get("rate"));
                // a rate's sample: its own total, else the changes attempted (the success rate has no total)
                JsonElement total = kpi.has("total") ? kpi.get("total")
                        : kpis.get("changeFailureRate").isJsonObject() ? kpis.getAsJsonObject("changeFailureRate").get("total")
                        : null;
                rows.put(metric + "/" + supplier.get("supplier").getAsString(), formatValue(metric, rate) + " | "
                        + (rate == null ? "null" : String.valueOf(rate)) + " | "
                        + (total == null || total.isJsonNull() ? "—" : String.valueOf(total.getAsLong())));
            }
        }
        List<String> compared = new ArrayList<>();
        for (JsonElement element : api.getAsJsonArray("suppliers")) {
            JsonObject supplier = element.getAsJsonObject();
            JsonObject k = supplier.getAsJsonObject("kpis");
            String name = supplier.get("supplier").getAsString();
            Map<String, Function<JsonObject, String[]>> figures = new LinkedHashMap<>();
            figures.put("Deployment frequency", (x) -> new String[] {
                    decimal(num(obj(x, "deploymentFrequency"), "perWeek")) + " per week",
                    plural(num(obj(x, "deploymentFrequency"), "deployments"), "deployment")});
            figures.put("Change success rate", (x) -> new String[] {percent(num(obj(x, "changeSuccessRate"), "rate")),
                    count(num(obj(x, "changeFailureRate"), "total")) + " changes"});
            figures.put("Lead time (median)", (x) -> new String[] {durationOrNone(num(obj(x, "leadTime"), "medianSeconds")),
                    plural(num(obj(x, "leadTime"), "count"), "change")});
            figures.put("Time to restore (mean)", (x) -> new String[] {
                    durationOrNone(num(obj(x, "timeToRestore"), "meanSeconds")),
                    plural(num(obj(x, "timeToRestore"), "count"), "restore")});
            figures.put("Time to detect (mean)", (x) -> new String[] {
                    durationOrNone(num(obj(x, "timeToDetect"), "meanSeconds")),
                    plural(num(obj(x, "timeToDetect"), "count"), "incident")});
            figures.put("Time to resolve (mean)", (x) -> new String[] {
                    durationOrNone(num(obj(x, "timeToResolve"), "meanSeconds")),
                    plural(num(obj(x, "timeToResolve"), "count"), "incident")});
            figures.put("Rework rate", (x) -> new String[] {percent(num(obj(x, "reworkRate"), "rate")),
                    plural(num(obj(x, "reworkRate"), "total"), "deployment")});
            figures.put("Availability", (x) -> {
                Double ratio = num(obj(x, "availability"), "ratio");
                return new String[] {ratio == null ? "no data" : fixed(ratio * 100, 2) + " %",
                        plural(num(obj(x, "availability"), "applications"), "application")};
            });
            figures.forEach((label, figure) -> {
                String value;
                String sample;
                try {
                    value = figure.apply(k)[0];
                } catch (IllegalStateException | ClassCastException e) {
                    value = "—"; // the page shows a dash for a KPI object the answer leaves null
                }
                try {
                    sample = figure.apply(k)[1];
                } catch (IllegalStateException | ClassCastException e) {
                    sample = "—";
                }
                rows.put("side/" + label + "/" + name, value + " (" + sample + ") | null | ");
            });
            List<String> apps = new ArrayList<>();
            supplier.getAsJsonArray("applications").forEach((a) -> apps.add(a.getAsString()));
            compared.add(name + ": " + String.join(", ", apps));
        }
        rows.put("applications", "Applications compared: " + String.join("; ", compared) + " | null | ");
        return rows;
    }

    private static JsonObject obj(JsonObject kpis, String name) {
        JsonElement element = kpis.get(name);
        if (element == null || !element.isJsonObject()) {
            throw new IllegalStateException(name + " is null");
        }
        return element.getAsJsonObject();
    }

    private static Double num(JsonObject object, String field) {
        return number(object.get(field));
    }

    private static String count(Double value) {
        return value == null ? "undefined" : String.valueOf(value.longValue());
    }

    private static String plural(Double value, String one) {
        return count(value) + " " + (value != null && value == 1 ? one : one + "s");
    }

    private static String decimal(Double value) {
        return value == null ? "no data" : fixed(value, 1);
    }

    private static String percent(Double rate) {
        return rate == null ? "no data" : fixed(rate * 100, 1) + " %";
    }

    private static String durationOrNone(Double seconds) {
        return seconds == null ? "no data" : duration(seconds);
    }

    private List<Map<String, String>> significanceLabels() {
        Object items = browser.js("""
                return [...document.querySelectorAll('ul.significance li')].map((li) => ({ metric: li.dataset.metric,
                  a: li.dataset.a, b: li.dataset.b, label: li.querySelector('.sig').textContent.trim() }));""");
        List<Map<String, String>> result = new ArrayList<>();
        for (Object item : (List<?>) items) {
            Map<String, String> map = new LinkedHashMap<>();
            ((Map<?, ?>) item).forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
            result.add(map);
        }
        return result;
    }

    /**
     * The error bars of one chart: strokes in the bar colour, and the suppliers whose axis label (its first line,
     * the name) sits at the x of a vertical stroke.
     */
    private static final String ERROR_BARS = """
            const svg = document.querySelector('#' + arguments[0] + ' svg');
            if (!svg) return { strokes: 0, suppliersWithBar: [] };
            const ink = arguments[1].toLowerCase();
            const strokes = [...svg.querySelectorAll('path, line, polyline')]
              .filter((p) => (p.getAttribute('stroke') || '').toLowerCase() === ink);
            const verticals = [];
            for (const p of strokes) {
              const box = p.getBBox();
              const m = p.getCTM();
              if (box.width < 0.5 && box.height > 0) verticals.push(m.a * (box.x + box.width / 2) + m.e);
            }
            const names = [];
            for (const t of svg.querySelectorAll('text')) {
              const box = t.getBBox();
              const m = t.getCTM();
              const x = m.a * (box.x + box.width / 2) + m.e;
              const name = (t.querySelector('tspan') || t).textContent.trim();
              if (verticals.some((v) => Math.abs(v - x) < 3)) names.push(name);
            }
            return { strokes: strokes.length, suppliersWithBar: [...new Set(names)].filter((n) => !n.startsWith('n = ')) };""";

    // ------------------------------------------------------------------------------------------------ admin

    @Test
    void aSubmittedAssignmentIsStoredAndShownInBothHistories() {
        String application = "shop";
        String supplier = "gov-test-supplier";
        browser.open(server.url("/admin"));
        WebElement token = browser.driver.findElement(By.id("token"));
        token.sendKeys(DemoServer.TOKEN);
        browser.driver.findElement(By.cssSelector("#controls button[type=submit]")).click();

        WebElement form = browser.driver.findElement(By.id("assignment-form"));
        form.findElement(By.name("application")).sendKeys(application);
        form.findElement(By.name("supplier")).sendKeys(supplier);
        form.findElement(By.name("team")).sendKeys("gov-test-team");
        new Select(form.findElement(By.name("responsibility"))).selectByValue("OPERATIONS");
        // dates through the DOM: the date inputs' typing order depends on the locale
        browser.js("arguments[0].value = '2021-03-01'; arguments[1].value = '2021-06-01';",
                form.findElement(By.name("from")), form.findElement(By.name("to")));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement status = form.findElement(By.cssSelector(".form-status"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> !status.getText().isBlank());
        assertThat(status.getText()).startsWith("Recorded");

        // the API stored it as typed
        JsonObject stored = null;
        for (JsonElement a : server.json("/api/v1/assignments?application=" + application).getAsJsonArray("assignments")) {
            if (supplier.equals(a.getAsJsonObject().get("supplier").getAsString())) {
                stored = a.getAsJsonObject();
            }
        }
        assertThat(stored).as("GET /api/v1/assignments holds the new assignment").isNotNull();
        assertThat(stored.get("team").getAsString()).isEqualTo("gov-test-team");
        assertThat(stored.get("responsibility").getAsString()).isEqualTo("OPERATIONS");
        assertThat(stored.get("from").getAsString()).isEqualTo("2021-03-01T00:00:00Z");
        assertThat(stored.get("to").getAsString()).isEqualTo("2021-06-01T00:00:00Z");

        String row = "[data-supplier=\"" + supplier + "\"]";
        List<String> expectedCells = List.of("operations (what they ran)", supplier, "gov-test-team", "1 Mar 2021",
                "1 Jun 2021");
        awaitEqual(() -> historyRow("#history-body " + row), expectedCells);

        browser.open(server.url("/applications/" + URLEncoder.encode(application, StandardCharsets.UTF_8)));
        awaitEqual(() -> historyRow("#responsibility-history " + row), expectedCells);
        assertThat(browser.errors()).isEmpty();

        // a fresh admin page lists it too (from the API, not from the form's memory)
        browser.open(server.url("/admin"));
        awaitEqual(() -> historyRow("#history-body " + row), List.of(application, "operations (what they ran)",
                supplier, "gov-test-team", "1 Mar 2021", "1 Jun 2021"));
        browser.driver.findElement(By.id("forget-token")).click();
    }

    private Object historyRow(String selector) {
        return browser.js("const tr = document.querySelector(arguments[0]);"
                + "return tr ? [...tr.children].map((c) => c.textContent.trim()) : null;", selector);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Waits until the page shows what is expected (it renders asynchronously), then asserts it. */
    private static void awaitEqual(Supplier<?> actual, Object expected) {
        awaitEqual(actual, expected, null);
    }

    private static void awaitEqual(Supplier<?> actual, Object expected, Predicate<Object> done) {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> {
                Object value = actual.get();
                return done != null ? done.test(value) : expected.equals(value);
            });
        } catch (TimeoutException e) {
            // the assertion below says what differs
        }
        if (done == null) {
            assertThat(actual.get()).isEqualTo(expected);
        } else {
            assertThat(done.test(actual.get())).as("condition on %s", actual.get()).isTrue();
        }
    }

    private static void awaitCharts(String selector) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.js(
                "const nodes = [...document.querySelectorAll(arguments[0])];"
                        + "return nodes.length > 0 && nodes.every((n) => n.dataset.series && n.querySelector('svg'));",
                selector)));
    }

    private Map<String, String> query() {
        String url = browser.driver.getCurrentUrl();
        Map<String, String> params = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static Double number(JsonElement element) {
        return element == null || element.isJsonNull() ? null : element.getAsDouble();
    }

    private static String canonicalNumber(String text) {
        return text == null || "null".equals(text) || text.isEmpty() ? "null" : String.valueOf(Double.parseDouble(text));
    }

    // The pages' formatting (gov.js, lib.js), to compare what is shown with the API's numbers.

    private static String kind(String metric) {
        if (metric.startsWith("leadTime") || metric.startsWith("timeTo")) {
            return "duration";
        }
        if (metric.endsWith("Rate") || metric.equals("availability") || metric.equals("sharedComponentUse")) {
            return "rate";
        }
        return metric.equals("stakeholderSatisfaction") ? "score" : "count";
    }

    private static String unit(String metric) {
        return switch (metric) {
            case "deploymentFrequency", "deploymentsPerWeek" -> "per week";
            case "deploymentsPerDay" -> "per day";
            case "medianDeploymentDaysPerWeek" -> "days a week";
            case "stakeholderSatisfaction" -> "of 5";
            default -> "";
        };
    }

    static String formatValue(String metric, Double value) {
        if (value == null) {
            return "no data";
        }
        return switch (kind(metric)) {
            case "duration" -> duration(value);
            case "rate" -> metric.equals("availability") ? fixed(value * 100, 2) + " %" : fixed(value * 100, 1) + " %";
            case "score" -> fixed(value, 2);
            default -> fixed(value, metric.equals("deploymentsPerDay") ? 2 : 1);
        };
    }

    static String formatWithUnit(String metric, Double value) {
        String text = formatValue(metric, value);
        return value == null || unit(metric).isEmpty() ? text : text + " " + unit(metric);
    }

    private static String operatorWord(String operator) {
        return switch (operator) {
            case ">=" -> "≥";
            case "<=" -> "≤";
            default -> operator;
        };
    }

    private static String duration(double seconds) {
        if (seconds < 60) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 3600) {
            return Math.round(seconds / 60) + " min";
        }
        if (seconds < 86400) {
            return fixed(seconds / 3600, 1) + " h";
        }
        return fixed(seconds / 86400, 1) + " d";
    }

    /** JavaScript's toFixed: the exact binary value rounded half up. */
    private static String fixed(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }
}
