package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Accessibility of the overview, application and team pages in a real browser over the demo data: keyboard
 * navigation, visible focus, labelled controls and charts, WCAG 2.x text contrast, and layout on a laptop and a wall
 * screen. The measurements run in the page (a11y-probes.js, computed styles); one browser for the class.
 */
class DashboardAccessibilityTest {
    /** Each page in the states a user sees first; the overview also per application (links to application pages). */
    static final List<String> PAGES = List.of("/", "/?group=application&window=P90D",
            "/applications/checkout?window=P90D", "/teams/storefront", "/applications/shop?environment=qa");
    static final String PROBES = probes();

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

    @Test
    void tabReachesEveryControlAndLinkInDomOrderWithAVisibleFocusAndNoTrap() {
        for (String page : PAGES) {
            browser.open(server.url(page));
            assertThat(probe("A11y.positiveTabindex()")).as("positive tabindex (breaks DOM order) on %s", page)
                    .isEqualTo(List.of());
            List<String> expected = strings(probe("A11y.tabbables().map(A11y.describe)"));
            List<String> unfocused = strings(probe("A11y.tabbables().map(A11y.focusStyle)"));
            assertThat(expected).as(page).isNotEmpty();
            assertThat(expected.get(0)).as("the first stop on %s", page).startsWith("a.skip ");

            List<String> reached = new ArrayList<>();
            List<String> invisible = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                browser.press(Keys.TAB);
                Map<String, Object> focus = focusReport();
                int index = ((Number) focus.get("index")).intValue();
                reached.add(index < 0 ? "not a tab stop: " + focus.get("element") : expected.get(index));
                if (index >= 0 && focus.get("style").equals(unfocused.get(index))) {
                    invisible.add(focus.get("element") + ": focused style equals the unfocused " + focus.get("style"));
                } else if (((Number) focus.get("ratio")).doubleValue() < 3) {
                    invisible.add("%s: %s on %s has contrast %.2f:1 (needs 3:1)".formatted(focus.get("element"),
                            focus.get("style"), focus.get("background"), ((Number) focus.get("ratio")).doubleValue()));
                }
            }
            assertThat(reached).as("Tab order on %s", page).isEqualTo(expected);
            assertThat(invisible).as("focus indicators on %s", page).isEqualTo(List.of());

            List<String> backwards = new ArrayList<>();
            for (int i = expected.size() - 2; i >= 0; i--) {
                browser.shiftTab();
                int index = ((Number) focusReport().get("index")).intValue();
                backwards.add(index < 0 ? "not a tab stop" : expected.get(index));
            }
            List<String> reversed = new ArrayList<>(expected.subList(0, expected.size() - 1));
            Collections.reverse(reversed);
            assertThat(backwards).as("Shift+Tab order on %s", page).isEqualTo(reversed);
            assertThat(browser.errors()).as(page).isEmpty();
        }
    }

    @Test
    void theSkipLinkIsShownWhenFocusedAndMovesTheFocusToTheMainLandmark() {
        for (String page : List.of("/", "/applications/checkout?window=P90D", "/teams/storefront")) {
            browser.open(server.url(page));
            browser.press(Keys.TAB);
            assertThat(probe("A11y.describe(document.activeElement)")).as(page).asString().startsWith("a.skip ");
            assertThat(browser.js("const r = document.activeElement.getBoundingClientRect();"
                    + "return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight"))
                    .as("the focused skip link is on screen on %s", page).isEqualTo(true);

            browser.js("window.__firstHeading = document.querySelector('main h1');");
            browser.press(Keys.ENTER);
            assertThat(browser.js("return document.activeElement.id + ' ' + document.activeElement.tagName"))
                    .as(page).isEqualTo("main MAIN");
            browser.waitForRender();
            assertThat(browser.js("return document.querySelector('main h1') === window.__firstHeading"))
                    .as("the skip link (a #main fragment) leaves the content as it is on %s", page).isEqualTo(true);
            browser.press(Keys.TAB);
            assertThat(browser.js("return document.querySelector('main').contains(document.activeElement)"
                    + " && document.activeElement === [...document.querySelectorAll('main *')]"
                    + ".find((n) => n.tabIndex >= 0 && n.getClientRects().length > 0)"))
                    .as("Tab after the skip link reaches the first stop in main on %s", page).isEqualTo(true);
            assertThat(browser.errors()).as(page).isEmpty();
        }
    }

    @Test
    void everyKindOfControlWorksFromTheKeyboard() {
        // a select: arrow keys change the window, the figures and the URL
        browser.open(server.url("/?group=application"));
        tabTo("document.activeElement.id === 'window'");
        browser.press(Keys.ARROW_DOWN);
        browser.awaitAllDeployments(server.json("/api/v1/kpis?window=P90D").getAsJsonObject("deploymentFrequency")
                .get("deployments").getAsString());
        assertThat(browser.driver.getCurrentUrl()).endsWith("/?window=P90D&group=application");

        // a link: Enter opens the application page with the same window; the header's link leads back
        tabTo("document.activeElement.matches('main a[href*=\"/applications/\"]')");
        String app = (String) browser.js("return document.activeElement.textContent");
        browser.press(Keys.ENTER);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("/applications/"));
        browser.waitForRender();
        assertThat(browser.driver.findElement(By.id("app-name")).getText()).isEqualTo(app);
        assertThat(browser.driver.findElement(By.id("window")).getAttribute("value")).isEqualTo("P90D");

        // a scrollable table: focusable, and arrow keys scroll it
        tabTo("document.activeElement.matches('.table-scroll')");
        browser.press(Keys.PAGE_DOWN);
        new WebDriverWait(browser.driver, Duration.ofSeconds(5))
                .until(d -> ((Number) browser.js("return document.activeElement.scrollTop")).doubleValue() > 0);

        shiftTabTo("document.activeElement.matches('header nav a[data-nav=\"overview\"]')");
        browser.press(Keys.ENTER);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().equals(server.url("/")));
        browser.waitForRender();
        assertThat(browser.driver.getTitle()).startsWith("Overview");

        // custom dates: typed into the date fields, applied with the button
        browser.open(server.url("/"));
        tabTo("document.activeElement.id === 'window'");
        browser.press(Keys.ARROW_DOWN);
        browser.press(Keys.ARROW_DOWN);
        browser.press(Keys.ARROW_DOWN);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> "from".equals(browser.js("return document.activeElement.id")));
        browser.press("01012026");
        tabTo("document.activeElement.id === 'to'");
        browser.press("02022026");
        tabTo("document.activeElement.matches('button.apply')");
        browser.press(Keys.ENTER);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/?from=2026-01-01&to=2026-02-02"));
        browser.waitForRender();

        // a text field: typed and submitted with Enter
        tabTo("document.activeElement.id === 'q'");
        browser.press("check", Keys.ENTER);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("q=check"));
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void everyControlHasAnAccessibleNameAndEveryChartATextAlternativeAndACaptionedTable() {
        for (String page : PAGES) {
            browser.open(server.url(page));
            assertThat(probe("A11y.unnamed()")).as("controls and links without a name on %s", page)
                    .isEqualTo(List.of());
            assertThat(probe("A11y.chartProblems()")).as("charts on %s", page).isEqualTo(List.of());
        }
        browser.open(server.url("/applications/checkout?window=P90D"));
        assertThat(browser.js("return document.querySelectorAll('figure.trend .chart[role=img] + .table-scroll table"
                + " caption').length")).as("trend charts with a captioned table beside them").isEqualTo(3L);
    }

    @Test
    void everyVisibleTextMeetsTheWcagContrastMinimum() {
        List<String> failures = new ArrayList<>();
        for (String page : PAGES) {
            browser.open(server.url(page));
            Map<String, Object> contrast = contrast();
            assertThat(((Number) contrast.get("checked")).intValue()).as("texts checked on %s", page)
                    .isGreaterThan(20);
            strings(contrast.get("failures")).forEach(f -> failures.add(page + " " + f));
            // the focused skip link is text too
            browser.press(Keys.TAB);
            strings(contrast().get("failures")).stream().filter(f -> f.startsWith("a.skip"))
                    .forEach(f -> failures.add(page + " " + f));
        }
        assertThat(failures).as("texts below the contrast minimum").isEqualTo(List.of());
    }

    /**
     * issue 16 item 3: with the system's dark setting (Chromium's prefers-color-scheme emulation) every page switches
     * to the dark palette, and every visible text, heading, table cell, link and figure still has a contrast of at
     * least 4.5:1 (3:1 when large); the charts draw with the dark palette's colours too.
     */
    @Test
    void everyVisibleTextMeetsTheWcagContrastMinimumInTheDarkPaletteAndTheChartsFollowIt() {
        List<String> pages = new ArrayList<>(PAGES);
        pages.addAll(List.of("/compare", "/suppliers/acme"));
        List<String> failures = new ArrayList<>();
        try {
            scheme("dark");
            for (String page : pages) {
                browser.open(server.url(page));
                assertThat(browser.js("return getComputedStyle(document.body).backgroundColor")).as(page)
                        .isEqualTo("rgb(15, 22, 32)");
                Map<String, Object> contrast = contrast();
                assertThat(((Number) contrast.get("checked")).intValue()).as("texts checked on %s", page)
                        .isGreaterThan(20);
                strings(contrast.get("failures")).forEach(f -> failures.add(page + " " + f));
            }
            browser.open(server.url("/applications/checkout?window=P90D"));
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                    "return [...document.querySelectorAll('.chart')].some((n) => window.echarts"
                            + " && echarts.getInstanceByDom(n))")));
            assertThat((String) browser.js("const chart = [...document.querySelectorAll('.chart')]"
                    + ".map((n) => echarts.getInstanceByDom(n)).find(Boolean);"
                    + "return JSON.stringify(chart.getOption().textStyle);"))
                    .as("the charts' text takes the dark palette's ink").contains("#e6edf3");
        } finally {
            scheme("light");
        }
        assertThat(failures).as("texts below the contrast minimum in the dark palette").isEqualTo(List.of());
        // and back in the light palette, as every other test of the class measures it
        browser.open(server.url("/"));
        assertThat(browser.js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(243, 245, 248)");
    }

    private static void scheme(String colorScheme) {
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
    }

    @Test
    void readableOnALaptopAndOnAWallScreen() {
        record Screen(String name, int width, int height, double ratio) {
        }
        List<Screen> screens = List.of(new Screen("laptop 1280x800", 1280, 800, 1),
                new Screen("wall screen 3840x2160", 3840, 2160, 1),
                new Screen("wall screen 3840x2160 at 2 device pixels per CSS pixel", 1920, 1080, 2));
        List<String> problems = new ArrayList<>();
        try {
            for (String page : List.of("/", "/applications/checkout?window=P90D", "/teams/storefront")) {
                double laptopFigure = 0;
                for (Screen screen : screens) {
                    browser.viewport(screen.width(), screen.height(), screen.ratio());
                    browser.open(server.url(page));
                    Map<String, Object> layout = layout();
                    String where = page + " on the " + screen.name();
                    long scrollWidth = ((Number) layout.get("pageScrollWidth")).longValue();
                    long viewport = ((Number) layout.get("viewport")).longValue();
                    if (scrollWidth > viewport) {
                        problems.add("%s: horizontal scrollbar (%d px wide in %d px)".formatted(where, scrollWidth,
                                viewport));
                    }
                    strings(layout.get("overflowing")).forEach(o -> problems.add(where + ": " + o));
                    double figure = ((Number) layout.get("bigFigurePx")).doubleValue();
                    double smallest = ((Number) layout.get("smallestTextPx")).doubleValue();
                    if (screen.ratio() == 1 && screen.width() == 1280) {
                        laptopFigure = figure;
                        if (smallest < 11) {
                            problems.add("%s: text at %.1f px".formatted(where, smallest));
                        }
                    } else {
                        if (figure < laptopFigure * 1.2) {
                            problems.add("%s: large figures at %.1f px, laptop %.1f px".formatted(where, figure,
                                    laptopFigure));
                        }
                        if (smallest < 14) {
                            problems.add("%s: text at %.1f px".formatted(where, smallest));
                        }
                    }
                }
            }
        } finally {
            browser.defaultViewport();
        }
        assertThat(problems).as("layout problems").isEqualTo(List.of());
    }

    /** Presses Tab until the condition (a script expression) holds; fails after 80 presses. */
    private static void tabTo(String condition) {
        tabTo(condition, false);
    }

    private static void shiftTabTo(String condition) {
        tabTo(condition, true);
    }

    private static void tabTo(String condition, boolean backwards) {
        for (int i = 0; i < 80; i++) {
            if (backwards) {
                browser.shiftTab();
            } else {
                browser.press(Keys.TAB);
            }
            if (Boolean.TRUE.equals(browser.js("return " + condition))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + condition + "; focus on "
                + probe("A11y.describe(document.activeElement)"));
    }

    private static Object probe(String expression) {
        return browser.js(PROBES + "\nreturn " + expression + ";");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> focusReport() {
        return (Map<String, Object>) probe("A11y.focusReport()");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contrast() {
        return (Map<String, Object>) probe("A11y.contrast()");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layout() {
        return (Map<String, Object>) probe("A11y.layout()");
    }

    private static List<String> strings(Object list) {
        List<String> strings = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }

    private static String probes() {
        try (InputStream in = DashboardAccessibilityTest.class.getResourceAsStream("a11y-probes.js")) {
            if (in == null) {
                throw new IllegalStateException("a11y-probes.js is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
