package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Charts that tell the truth, read from what ECharts drew (its model: axis extent, ticks and labels; the series'
 * data items) and from the DOM, in a real browser over the demo data with its clock fixed. Some cases draw the
 * dashboard's own chart functions (charts.js) with chosen numbers, so that the case is certain to be there.
 */
class ChartsBrowserTest {
    /** Durations people read as round: every tick of a duration axis is a multiple of one of these (seconds). */
    static final Set<Long> HUMAN_STEPS = Set.of(60L, 120L, 300L, 600L, 900L, 1800L, 3600L, 7200L, 10800L, 21600L,
            43200L, 86400L, 172800L, 604800L, 1209600L, 2419200L);
    static final String TICK_LABEL = "0|\\d+ (min|h|d)";
    /** The dashboard's documented minimum sample for rates and durations without a target's own (docs/dashboard.md). */
    static final int MIN_SAMPLES = 5;
    static final String TINY = "tiny-perfect";

    static DemoServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = DemoServer.start();
        // a supplier with 4 changes of 4 successful: the highest rate, but a wide interval (Wilson lower end ~51 %)
        StringBuilder events = new StringBuilder("""
                [{"type": "assignment", "application": "tiny-app", "supplier": "%s", "team": "tiny-team",
                  "responsibility": "BOTH", "from": "2020-01-01T00:00:00Z"}""".formatted(TINY));
        for (int i = 0; i < 4; i++) {
            Instant finished = DemoServer.NOW.minus(Duration.ofDays(3 + 5L * i));
            events.append(", {\"type\": \"deployment\", \"id\": \"tiny-%d\", \"application\": \"tiny-app\",".formatted(i)
                    + " \"environment\": \"production\", \"started\": \"%s\", \"finished\": \"%s\", \"result\": \"SUCCESS\"}"
                    .formatted(finished.minus(Duration.ofMinutes(5)), finished));
        }
        server.post(events.append(']').toString());
        browser = Browser.start(1400, 1000);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, server);
    }

    // ------------------------------------------------------------------------------------------------ (a) targets

    @Test
    void aTargetLineIsAlwaysInsideTheValueAxis() {
        browser.open(server.url("/"));
        // a met availability target: values 99.9 % and 100 %, target 99.5 %
        assertTargetInside(probe("met-availability", "rate", "[0.999, 1, 0.9995]", 0.995, "[null, null, null]", 0));
        // a missed change failure target: values 30-50 %, target 15 % (the old axis started at the lowest value)
        assertTargetInside(probe("missed-failure", "rate", "[0.3, 0.5, 0.4]", 0.15, "[20, 20, 20]", 0));
        // a met time-to-restore target of 1 day, restores of 1-3 hours (the old axis ended near the highest value)
        assertTargetInside(probe("met-restore", "duration", "[3600, 10800, 7200]", 86400.0, "[9, 9, 9]", 0));

        // and on the scorecard, for every KPI with a target
        JsonObject api = server.json("/api/v1/scorecards/acme");
        browser.open(server.url("/suppliers/acme"));
        awaitTrue("return document.querySelectorAll('.trend-card .chart-period').length > 0"
                + " && [...document.querySelectorAll('.trend-card .chart-period')].every((n) => n.dataset.series);");
        int withTarget = 0;
        for (JsonElement element : api.getAsJsonArray("kpis")) {
            JsonObject kpi = element.getAsJsonObject();
            JsonElement target = kpi.get("target");
            if (target == null || !target.isJsonObject() || !target.getAsJsonObject().get("value").isJsonPrimitive()
                    || !target.getAsJsonObject().get("value").getAsJsonPrimitive().isNumber()) {
                continue;
            }
            withTarget++;
            Map<?, ?> facts = facts(".trend-card[data-metric=\"" + kpi.get("metric").getAsString() + "\"] .chart-period");
            assertThat((List<?>) facts.get("markLine")).as("%s: the target line", kpi.get("metric")).singleElement()
                    .satisfies(y -> assertThat(((Number) y).doubleValue())
                            .isEqualTo(target.getAsJsonObject().get("value").getAsDouble()));
            assertTargetInside(facts);
        }
        assertThat(withTarget).as("the demo's scorecard has targets").isPositive();
        assertThat(browser.errors()).isEmpty();
    }

    private static void assertTargetInside(Map<?, ?> facts) {
        List<?> extent = (List<?>) facts.get("extent");
        double min = ((Number) extent.get(0)).doubleValue();
        double max = ((Number) extent.get(1)).doubleValue();
        double target = ((Number) ((List<?>) facts.get("markLine")).get(0)).doubleValue();
        assertThat(target).as("target %s inside the axis [%s, %s]", target, min, max).isBetween(min, max);
        assertThat(target).as("not on the axis' frame either (unless the scale ends there)")
                .satisfiesAnyOf(t -> assertThat(t).isStrictlyBetween(min, max), t -> assertThat(t).isIn(0.0, 1.0));
    }

    // ------------------------------------------------------------------------------------------------ (b) durations

    @Test
    @SuppressWarnings("unchecked")
    void durationAxesTickAtRoundMinutesHoursOrDays() {
        browser.open(server.url("/"));
        // restores of 8.3 h, 13.9 h and 1.04 d: the old axis ticked at 0 s, 8.3 h, 16.7 h, 1.0 d
        Map<?, ?> facts = probe("restore-hours", "duration", "[30000, 50000, 90000]", null, "[9, 9, 9]", 0);
        assertRoundDurationTicks(facts, "the scorecard's period chart");
        assertThat((List<Object>) facts.get("labels")).as("hours, then whole days in days")
                .contains("6 h", "12 h", "1 d");

        browser.open(server.url("/applications/shop?window=P90D"));
        awaitTrue("const n = document.querySelector('#trend-times .chart');"
                + " return !!n && !!window.echarts && !!window.echarts.getInstanceByDom(n);");
        assertRoundDurationTicks(facts("#trend-times .chart"), "the application's lead time and time to restore");
        assertThat(browser.errors()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void assertRoundDurationTicks(Map<?, ?> facts, String what) {
        List<Number> ticks = (List<Number>) facts.get("ticks");
        List<Object> labels = (List<Object>) facts.get("labels");
        assertThat(ticks).as(what).hasSizeGreaterThan(2);
        long step = Math.round(ticks.get(1).doubleValue() - ticks.get(0).doubleValue());
        assertThat(step).as("%s: the tick step in seconds", what).isIn(HUMAN_STEPS);
        assertThat(ticks).as("%s: every tick a multiple of the step", what)
                .allSatisfy(t -> assertThat(Math.round(t.doubleValue()) % step).isZero());
        assertThat(labels).as("%s: labels in the tick's unit", what)
                .allSatisfy(l -> assertThat(String.valueOf(l)).matches(TICK_LABEL));
    }

    // ------------------------------------------------------------------------------------------------ (c) partial

    @Test
    @SuppressWarnings("unchecked")
    void partialWeeksAreMarkedPartialOnTheApplicationsTrendsAndTheComparison() {
        JsonArray buckets = server.json("/api/v1/trends?application=shop&window=P30D&bucket=week")
                .getAsJsonArray("buckets");
        List<Boolean> partial = partialWeeks(buckets);
        assertThat(partial).as("a 30-day window cuts at least one week").contains(true);

        browser.open(server.url("/applications/shop"));
        awaitTrue("const n = document.querySelector('#trend-deployments .chart');"
                + " return !!n && !!window.echarts && !!window.echarts.getInstanceByDom(n);");
        Map<?, ?> deployments = facts("#trend-deployments .chart");
        assertThat(partialLabels((List<Object>) deployments.get("xLabels"))).as("(partial) on the axis")
                .isEqualTo(partial);
        List<Object> bars = (List<Object>) deployments.get("borderTypes");
        for (int i = 0; i < partial.size(); i++) {
            assertThat(bars.get(i)).as("bar %d: dashed exactly when partial", i).isEqualTo(partial.get(i) ? "dashed" : null);
        }
        assertThat(browser.js("return [...document.querySelectorAll('#trend-deployments-table tbody tr')]"
                + ".map((tr) => tr.dataset.partial === 'true' && tr.querySelector('th').textContent.endsWith('(partial)'));"))
                .as("the table says so too").isEqualTo(partial);
        Map<?, ?> success = facts("#trend-success .chart");
        List<Object> symbols = (List<Object>) success.get("symbols");
        for (int i = 0; i < partial.size(); i++) {
            if (partial.get(i)) {
                assertThat(symbols.get(i)).as("rate point %d of a partial week", i).isEqualTo("emptyDiamond");
            }
        }
        assertThat(browser.driver.findElement(By.cssSelector("#trend-deployments")).getText())
                .contains("partial period, cut by the window or by now");

        // the comparison's trend lines, per week over 90 days
        JsonArray compared = server.json("/api/v1/trends?supplier=acme&window=P90D&bucket=week").getAsJsonArray("buckets");
        browser.open(server.url("/compare?window=P90D"));
        awaitTrue("const n = document.querySelector('#trend-success-chart');"
                + " return !!n && !!window.echarts && !!window.echarts.getInstanceByDom(n);");
        assertThat(partialLabels((List<Object>) facts("#trend-success-chart").get("xLabels")))
                .isEqualTo(partialWeeks(compared));
        assertThat(browser.errors()).isEmpty();
    }

    /** A week is whole when it runs from a Monday midnight (UTC) to the next and is over at the server's now. */
    private static List<Boolean> partialWeeks(JsonArray buckets) {
        List<Boolean> partial = new ArrayList<>();
        for (JsonElement element : buckets) {
            ZonedDateTime from = Instant.parse(element.getAsJsonObject().get("from").getAsString()).atZone(ZoneOffset.UTC);
            ZonedDateTime to = Instant.parse(element.getAsJsonObject().get("to").getAsString()).atZone(ZoneOffset.UTC);
            boolean whole = from.getDayOfWeek() == DayOfWeek.MONDAY && from.toLocalTime().toSecondOfDay() == 0
                    && to.equals(from.plusWeeks(1)) && !to.toInstant().isAfter(DemoServer.NOW);
            partial.add(!whole);
        }
        return partial;
    }

    private static List<Boolean> partialLabels(List<Object> labels) {
        return labels.stream().map(l -> String.valueOf(l).endsWith(" (partial)")).toList();
    }

    // ------------------------------------------------------------------------------------------------ (d) samples

    @Test
    @SuppressWarnings("unchecked")
    void smallSamplesAreDrawnHollowAndSaidInTheTooltip() {
        browser.open(server.url("/"));
        // a target asking for 10 samples: the first period has 2
        Map<?, ?> facts = probe("small", "rate", "[0.5, 0.9, 0.95]", 0.9, "[2, 30, 40]", 10);
        assertThat((List<Object>) facts.get("symbols")).isEqualTo(Arrays.asList("emptyCircle", null, null));
        assertThat(tooltip("#probe-small-chart", 0, 0)).contains("n = 2, small sample");
        assertThat(tooltip("#probe-small-chart", 0, 1)).contains("n = 30").doesNotContain("small sample");
        assertThat(browser.driver.findElement(By.id("probe-small")).getText()).contains("fewer than 10 samples");

        // the application's change success rate: hollow where fewer than the documented minimum of changes
        JsonArray buckets = server.json("/api/v1/trends?application=shop&window=P90D&bucket=week").getAsJsonArray("buckets");
        List<Boolean> partial = partialWeeks(buckets);
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            JsonObject k = buckets.get(i).getAsJsonObject().getAsJsonObject("kpis");
            long total = k.getAsJsonObject("changeFailureRate").get("total").getAsLong();
            expected.add(partial.get(i) ? "emptyDiamond" : total < MIN_SAMPLES ? "emptyCircle" : null);
        }
        browser.open(server.url("/applications/shop?window=P90D"));
        awaitTrue("const n = document.querySelector('#trend-success .chart');"
                + " return !!n && !!window.echarts && !!window.echarts.getInstanceByDom(n);");
        assertThat((List<Object>) facts("#trend-success .chart").get("symbols")).isEqualTo(expected);
        assertThat(browser.errors()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ (e) sparklines

    @Test
    void sparklinesHaveAScaleAndATooltipWithTheSampleSize() {
        JsonArray buckets = server.json("/api/v1/trends?window=P30D&bucket=week").getAsJsonArray("buckets");
        long max = 0;
        for (JsonElement b : buckets) {
            max = Math.max(max, b.getAsJsonObject().getAsJsonObject("kpis").getAsJsonObject("deploymentFrequency")
                    .get("deployments").getAsLong());
        }
        browser.open(server.url("/"));
        String widget = "[data-scope=\"all\"] ";
        awaitTrue("return [...document.querySelectorAll('[data-scope=\"all\"] .spark')]"
                + ".every((n) => window.echarts && window.echarts.getInstanceByDom(n));");
        assertThat(browser.js("return [...document.querySelectorAll(arguments[0] + '.spark-scale')].map((n) => n.textContent);",
                widget)).isEqualTo(List.of("max " + max, "0–100 %"));

        // the change success rate's sparkline: each week's value and sample size on hover
        for (int i = 0; i < buckets.size(); i++) {
            JsonObject k = buckets.get(i).getAsJsonObject().getAsJsonObject("kpis");
            long total = k.getAsJsonObject("changeFailureRate").get("total").getAsLong();
            String tip = tooltip(widget + "section[aria-label=\"Change success rate\"] .spark", 0, i);
            assertThat(tip).as("week %d", i).startsWith("Week of ").contains("(n = " + total);
            assertThat(tip.contains("(partial)")).as("week %d partial", i).isEqualTo(partialWeeks(buckets).get(i));
        }
        assertThat(browser.errors()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ (f) ranking

    @Test
    void sortingByChangeSuccessRateRanksByTheWilsonLowerBound() {
        JsonObject api = server.json("/api/v1/comparison?window=P90D");
        List<JsonObject> suppliers = new ArrayList<>();
        api.getAsJsonArray("suppliers").forEach(s -> suppliers.add(s.getAsJsonObject()));
        List<String> byLowerBound = suppliers.stream().sorted(Comparator
                .comparing((JsonObject s) -> lower(s) == null)
                .thenComparing((JsonObject s) -> lower(s) == null ? 0 : -lower(s))
                .thenComparing(s -> s.get("supplier").getAsString())).map(s -> s.get("supplier").getAsString()).toList();
        String byRate = suppliers.stream().filter(s -> rate(s) != null).max(Comparator.comparing(ChartsBrowserTest::rate))
                .map(s -> s.get("supplier").getAsString()).orElseThrow();
        assertThat(byRate).as("the premise: 4 of 4 has the highest rate").isEqualTo(TINY);
        assertThat(byLowerBound.get(0)).as("the premise: but not the highest lower bound").isNotEqualTo(TINY);

        browser.open(server.url("/compare?window=P90D&sort=success"));
        awaitTrue("return document.querySelectorAll('#table-changeSuccessRate tbody tr').length === " + suppliers.size());
        assertThat(browser.js("return [...document.querySelectorAll('#table-changeSuccessRate tbody tr')]"
                + ".map((tr) => tr.dataset.supplier);")).isEqualTo(byLowerBound);
        assertThat(browser.js("return [...document.querySelectorAll('#side-by-side thead th')].slice(1)"
                + ".map((th) => th.textContent.trim());")).as("every table in that order").isEqualTo(byLowerBound);
        assertThat(browser.driver.findElement(By.cssSelector("label[for=sort]")).getText()
                + " " + browser.js("const s = document.getElementById('sort'); return s.options[s.selectedIndex].text;"))
                .contains("lower end of its 95 % interval");

        // the overview's sort by success rate, one widget per supplier
        browser.open(server.url("/?group=supplier&window=P90D&sort=success"));
        List<String> shown = widgetOrder();
        List<String> expected = new ArrayList<>(shown);
        Map<String, Double> lowers = new LinkedHashMap<>();
        for (String name : shown) {
            JsonElement ci = server.json("/api/v1/kpis?window=P90D&supplier=" + name).getAsJsonObject("changeSuccessRate")
                    .get("ci95");
            lowers.put(name, ci == null || ci.isJsonNull() ? null : ci.getAsJsonArray().get(0).getAsDouble());
        }
        expected.sort(Comparator.comparing((String n) -> lowers.get(n) == null)
                .thenComparing(n -> lowers.get(n) == null ? 0 : -lowers.get(n)).thenComparing(n -> n));
        assertThat(shown).contains(TINY).isEqualTo(expected);
        assertThat(shown.get(0)).isNotEqualTo(TINY);
        assertThat(browser.errors()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> widgetOrder() {
        return (List<String>) browser.js("return [...document.querySelectorAll('[data-scope^=\"supplier:\"]')]"
                + ".map((w) => w.dataset.scope.slice('supplier:'.length));");
    }

    private static Double lower(JsonObject supplier) {
        JsonElement ci = supplier.getAsJsonObject("kpis").getAsJsonObject("changeSuccessRate").get("ci95");
        return ci == null || ci.isJsonNull() ? null : ci.getAsJsonArray().get(0).getAsDouble();
    }

    private static Double rate(JsonObject supplier) {
        JsonElement rate = supplier.getAsJsonObject("kpis").getAsJsonObject("changeSuccessRate").get("rate");
        return rate == null || rate.isJsonNull() ? null : rate.getAsDouble();
    }

    @Test
    void theReworkRateIsNotTitledWithAnIntervalItDoesNotHave() {
        JsonObject api = server.json("/api/v1/comparison?window=P90D");
        for (JsonElement s : api.getAsJsonArray("suppliers")) {
            JsonElement ci = s.getAsJsonObject().getAsJsonObject("kpis").getAsJsonObject("reworkRate").get("ci95");
            assertThat(ci == null || ci.isJsonNull()).as("the premise: the API gives the rework rate no interval").isTrue();
        }
        browser.open(server.url("/compare?window=P90D"));
        awaitTrue("return !!document.querySelector('[data-metric=\"reworkRate\"] figcaption');");
        String rework = browser.driver.findElement(By.cssSelector("figure[data-metric=\"reworkRate\"] figcaption")).getText();
        assertThat(rework).doesNotContain("with its 95 % interval").contains("no 95 % interval");
        assertThat(browser.driver.findElement(By.cssSelector("figure[data-metric=\"changeSuccessRate\"] figcaption"))
                .getText()).contains("with its 95 % interval");
        assertThat(browser.js("return [...document.querySelectorAll('li[data-metric=\"reworkRate\"] .sig')]"
                + ".map((n) => n.textContent);")).asList().isNotEmpty().containsOnly("not compared");
        assertThat(browser.driver.findElement(By.cssSelector("figure[data-metric=\"reworkRate\"] .significance")).getText())
                .doesNotContain("intervals overlap").contains("no 95 % interval");
        assertThat(browser.errors()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * What ECharts drew for the chart in the node: the value axis' extent, ticks and tick labels, the category
     * labels, the target line, and per data item its symbol and border type (null for a plain value).
     */
    private static final String FACTS = """
            const node = typeof arguments[0] === 'string' ? document.querySelector(arguments[0]) : arguments[0];
            const chart = node && window.echarts && window.echarts.getInstanceByDom(node);
            if (!chart) return null;
            const axis = chart.getModel().getComponent('yAxis', 0).axis;
            const option = chart.getOption();
            const series = option.series[0];
            const item = (d, f) => (d !== null && typeof d === 'object' && !Array.isArray(d) ? f(d) ?? null : null);
            return {
              extent: axis.scale.getExtent(),
              ticks: axis.scale.getTicks().map((t) => (typeof t === 'number' ? t : t.value)),
              labels: axis.getViewLabels().map((l) => l.formattedLabel),
              xLabels: option.xAxis[0].data.map((d) => (typeof d === 'object' ? d.value : d)),
              markLine: series.markLine && series.markLine.data ? series.markLine.data.map((d) => d.yAxis) : [],
              symbols: series.data.map((d) => item(d, (x) => x.symbol)),
              borderTypes: series.data.map((d) => item(d, (x) => x.itemStyle && x.itemStyle.borderType)),
            };""";

    private static Map<?, ?> facts(String selector) {
        Object facts = browser.js(FACTS, selector);
        assertThat(facts).as("a chart drawn in %s", selector).isNotNull();
        return (Map<?, ?>) facts;
    }

    /**
     * Draws charts.js' periodChart (the scorecard's trend) with these numbers into the page and returns its facts.
     * values and samples: JavaScript arrays; target null for none.
     */
    private static Map<?, ?> probe(String id, String kind, String values, Double target, String samples, int minSamples) {
        Object done = browser.driver.executeAsyncScript("""
                const [id, kind, values, target, samples, minSamples] = arguments;
                const callback = arguments[arguments.length - 1];
                import(new URL('assets/charts.js', document.baseURI).href).then((charts) => {
                  const format = kind === 'duration' ? (v) => (v === null ? 'no data' : v + ' s')
                    : (v) => (v === null ? 'no data' : (v * 100).toFixed(1) + ' %');
                  const holder = document.createElement('div');
                  holder.id = 'probe-' + id;
                  holder.append(charts.periodChart({ id: 'probe-' + id, title: id, kind, target, minSamples, format,
                    points: values.map((value, i) => ({ label: 'P' + (i + 1), value, samples: samples[i],
                      from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' })) }));
                  document.body.append(holder);
                  callback(true);
                }, (error) => callback(String(error)));""", id, kind, parse(values), target, parse(samples), minSamples);
        assertThat(done).isEqualTo(true);
        awaitTrue("const n = document.getElementById('probe-" + id + "-chart'); return !!n && !!n.dataset.series;");
        return facts("#probe-" + id + "-chart");
    }

    private static List<Object> parse(String array) {
        List<Object> list = new ArrayList<>();
        for (String part : array.replaceAll("[\\[\\] ]", "").split(",")) {
            list.add("null".equals(part) ? null : Double.valueOf(part));
        }
        return list;
    }

    /** Shows the tooltip of one data item, as hovering does, and returns its text. */
    private static String tooltip(String selector, int series, int index) {
        browser.js("""
                const chart = window.echarts.getInstanceByDom(document.querySelector(arguments[0]));
                chart.dispatchAction({ type: 'hideTip' });
                chart.dispatchAction({ type: 'showTip', seriesIndex: arguments[1], dataIndex: arguments[2] });""",
                selector, series, index);
        Supplier<Object> text = () -> browser.js("""
                const node = document.querySelector(arguments[0]);
                const tips = [...node.querySelectorAll('div')].filter((d) => d.style.display !== 'none'
                  && d.style.position === 'absolute' && d.textContent.trim() !== '' && !d.querySelector('canvas, svg'));
                return tips.length ? tips[tips.length - 1].textContent : '';""", selector);
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> !String.valueOf(text.get()).isEmpty());
        } catch (TimeoutException e) {
            // the caller's assertion shows the empty text
        }
        return String.valueOf(text.get());
    }

    private static void awaitTrue(String script) {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(script)));
        } catch (TimeoutException e) {
            // the assertion below says what is missing
        }
        assertThat(browser.js(script)).as(script).isEqualTo(true);
    }
}
