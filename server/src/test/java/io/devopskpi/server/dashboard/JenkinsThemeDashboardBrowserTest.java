package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.server.demo.DemoSeeder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: inside Jenkins the dashboard pages under {@code /devops-kpi/} take the theme the Jenkins user chose,
 * whatever the system's setting says (Chromium's emulated {@code prefers-color-scheme}); the standalone server's
 * pages still follow the system's setting. The pages are served as the plugin serves them (JenkinsLikeHost: KpiRoutes'
 * rewrites and DashboardPage's theme header, with theme-manager and the dark-theme plugin installed, or without
 * them), the demo data, real Chromium; colours as the browser computes them, contrast by a11y-probes.js (every
 * visible text at least 4.5:1, 3:1 when large).
 */
class JenkinsThemeDashboardBrowserTest {
    static final List<String> PAGES = List.of("/devops-kpi/", "/devops-kpi/?group=application&window=P90D",
            "/devops-kpi/applications/checkout?window=P90D", "/devops-kpi/teams/storefront");
    /** The dashboard's own palettes: the control bar's background (not one of Jenkins' variables). */
    static final String LIGHT_CARD = "rgb(255, 255, 255)";
    static final String DARK_CARD = "rgb(24, 33, 44)";

    static Store store;
    static JenkinsLikeHost host;
    static DemoServer standalone;
    static Browser browser;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(DemoServer.NOW, ZoneOffset.UTC);
        store = Store.open(StoreConfig.inMemory("jenkins-theme"));
        DemoSeeder.seedIfEmpty(store, clock, new PrintStream(OutputStream.nullOutputStream()));
        host = JenkinsLikeHost.start(store, clock);
        standalone = DemoServer.start();
        browser = Browser.start(1400, 1000);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, host, standalone);
        if (store != null) {
            store.close();
        }
    }

    @AfterEach
    void lightSystemAndNoThemeManager() {
        scheme("light");
        host.theme(null);
    }

    @Test
    void darkChosenInJenkinsIsDarkOnALightSystemAndEveryTextIsReadable() {
        host.theme("dark");
        scheme("light");

        Map<String, Object> seen = everyPage();
        assertThat(seen.get("themes")).isEqualTo(List.of("dark"));
        assertThat(seen.get("cards")).as("the dashboard's dark palette").isEqualTo(List.of(DARK_CARD));
        assertThat(seen.get("backgrounds")).as("Jenkins' dark theme's --background wins")
                .isEqualTo(List.of(jenkinsDarkBackground()));
        assertThat(seen.get("failures")).as("texts below the contrast minimum").isEqualTo(List.of());
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void lightChosenInJenkinsIsLightOnADarkSystemAndEveryTextIsReadable() {
        host.theme("none");
        scheme("dark");

        Map<String, Object> seen = everyPage();
        assertThat(seen.get("themes")).isEqualTo(List.of("none"));
        assertThat(seen.get("cards")).as("the dashboard's light palette").isEqualTo(List.of(LIGHT_CARD));
        assertThat(seen.get("backgrounds")).isEqualTo(List.of("rgb(243, 245, 248)"));
        assertThat(seen.get("failures")).as("texts below the contrast minimum").isEqualTo(List.of());
        assertThat(browser.errors()).isEmpty();
    }

    /** Jenkins' "Dark (System)" follows the system's setting, as the standalone pages do. */
    @Test
    void systemChosenInJenkinsFollowsTheSystemsSetting() {
        host.theme("dark-system");
        scheme("dark");
        Map<String, Object> dark = everyPage();
        scheme("light");
        Map<String, Object> light = everyPage();

        assertThat(dark.get("themes")).isEqualTo(List.of("dark-system"));
        assertThat(dark.get("cards")).isEqualTo(List.of(DARK_CARD));
        assertThat(dark.get("backgrounds")).isEqualTo(List.of(jenkinsDarkBackground()));
        assertThat(light.get("cards")).isEqualTo(List.of(LIGHT_CARD));
        assertThat(light.get("backgrounds")).isEqualTo(List.of("rgb(243, 245, 248)"));
        assertThat(dark.get("failures")).isEqualTo(List.of());
        assertThat(light.get("failures")).isEqualTo(List.of());
    }

    /** Without theme-manager Jenkins shows only its light theme, and so do the dashboard pages there. */
    @Test
    void withoutThemeManagerThePagesAreLightLikeJenkinsOnADarkSystem() {
        host.theme(null);
        scheme("dark");

        Map<String, Object> seen = everyPage();
        assertThat(seen.get("themes")).isEqualTo(List.of("none"));
        assertThat(seen.get("cards")).isEqualTo(List.of(LIGHT_CARD));
        assertThat(seen.get("failures")).isEqualTo(List.of());
        assertThat(browser.js("return document.querySelectorAll('link[href*=\"theme-dark\"]').length")).isEqualTo(0L);
    }

    /** The standalone server's pages are unchanged: no theme of their own, the system's setting decides. */
    @Test
    void theStandaloneServersPagesStillFollowTheSystemsSetting() {
        for (String scheme : List.of("dark", "light")) {
            scheme(scheme);
            for (String page : List.of("/", "/applications/checkout?window=P90D", "/teams/storefront")) {
                browser.open(standalone.url(page));
                assertThat(browser.js("return document.documentElement.hasAttribute('data-theme')")).as(page)
                        .isEqualTo(false);
                assertThat(browser.js("return getComputedStyle(document.body).backgroundColor")).as(scheme + ": " + page)
                        .isEqualTo(scheme.equals("dark") ? "rgb(15, 22, 32)" : "rgb(243, 245, 248)");
                assertThat(browser.js("return getComputedStyle(document.querySelector('.controls')).backgroundColor"))
                        .as(scheme + ": " + page).isEqualTo(scheme.equals("dark") ? DARK_CARD : LIGHT_CARD);
            }
        }
        assertThat(browser.errors()).isEmpty();
    }

    /**
     * Every page of {@link #PAGES} as the host serves it now: the distinct {@code data-theme}s, widget and body
     * backgrounds, and every text below the contrast minimum.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> everyPage() {
        List<Object> themes = new ArrayList<>();
        List<Object> cards = new ArrayList<>();
        List<Object> backgrounds = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, Double> lowest = new LinkedHashMap<>();
        for (String page : PAGES) {
            browser.open(host.url(page));
            Object theme = browser.js("return document.documentElement.dataset.theme");
            Object card = browser.js("return getComputedStyle(document.querySelector('.controls')).backgroundColor");
            Object background = browser.js("return getComputedStyle(document.body).backgroundColor");
            Map<String, Object> contrast = (Map<String, Object>) browser.js(DashboardAccessibilityTest.PROBES
                    + "\nreturn A11y.contrast();");
            assertThat(((Number) contrast.get("checked")).intValue()).as("texts checked on %s", page)
                    .isGreaterThan(20);
            ((List<Object>) contrast.get("failures")).forEach(f -> failures.add(page + " " + f));
            ((Map<String, Number>) contrast.get("lowest")).forEach((group, ratio) -> lowest.merge(group,
                    ratio.doubleValue(), Math::min));
            for (var pair : List.of(Map.entry(themes, theme), Map.entry(cards, card),
                    Map.entry(backgrounds, background))) {
                if (!pair.getKey().contains(pair.getValue())) {
                    pair.getKey().add(pair.getValue());
                }
            }
        }
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("themes", themes);
        seen.put("cards", cards);
        seen.put("backgrounds", backgrounds);
        seen.put("failures", failures);
        // docs/jenkins.md quotes these
        System.out.printf("lowest contrast, theme %s, system %s: %s%n", themes,
                browser.js("return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'"), lowest);
        return seen;
    }

    /** The dark theme's {@code --background} as this browser computes it for a body. */
    private static Object jenkinsDarkBackground() {
        return browser.js("const probe = document.createElement('div');"
                + "probe.style.background = 'oklch(from oklch(from oklch(65.13% 0.1987 265) 98% 0.015 h) 0.175 0.013 h)';"
                + "document.body.append(probe); const c = getComputedStyle(probe).backgroundColor; probe.remove();"
                + "return c;");
    }

    private static void scheme(String colorScheme) {
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
    }
}
