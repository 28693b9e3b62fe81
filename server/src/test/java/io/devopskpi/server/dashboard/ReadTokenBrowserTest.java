package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard of a server started with a read token ({@code --read-token-file}): every page asks for the token
 * once, keeps it in the tab's sessionStorage only, sends it on every read, says so when it is refused, and never
 * puts it in a URL. The figures shown are the API's, read here with the token.
 */
class ReadTokenBrowserTest {
    static final String READ_TOKEN = "read-token-for-the-browser-test";
    static final String WRONG_TOKEN = "not-the-read-token-at-all";
    static final String STORAGE_KEY = "devops-kpi-read-token";

    static DemoServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = DemoServer.startWithReadToken(READ_TOKEN);
        browser = Browser.start(1400, 1000);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, server);
    }

    /** A new tab's state: no token yet (sessionStorage is per origin, so open a page of it first). */
    @BeforeEach
    void forgetTheToken() {
        browser.driver.get(server.url("/assets/favicon.svg"));
        browser.js("window.sessionStorage.clear();");
    }

    @Test
    void everyPageAsksForTheReadTokenAndThenShowsTheApisFigures() {
        assertThat(server.getAnonymously("/api/v1/kpis").statusCode()).as("the premise: reads need the token").isEqualTo(401);
        for (Map.Entry<String, String> page : pages().entrySet()) {
            browser.driver.get(server.url("/assets/favicon.svg"));
            browser.js("window.sessionStorage.clear();");
            browser.driver.get(server.url(page.getKey()));
            WebElement input = awaitTokenForm(page.getKey());
            assertThat(browser.js("return document.getElementById('read-token-status').dataset.refused"))
                    .as("%s: the first question is not a refusal", page.getKey()).isEqualTo("false");
            assertThat(text("main")).as("%s: no failure while the token is asked for", page.getKey())
                    .doesNotContain("could not be loaded");

            input.sendKeys(READ_TOKEN, Keys.ENTER);
            browser.waitForRender();
            awaitTrue(page.getValue(), page.getKey() + ": the page's figures are the API's");
            assertThat(browser.driver.findElements(By.id("read-token"))).as(page.getKey()).isEmpty();
            assertThat(text("main")).as(page.getKey()).doesNotContain("could not be loaded");
            assertTokenKeptOnlyInSessionStorage(page.getKey());
        }
    }

    @Test
    void theTokenIsAskedForOnceAndKeptForTheTab() {
        browser.driver.get(server.url("/"));
        awaitTokenForm("/").sendKeys(READ_TOKEN, Keys.ENTER);
        browser.waitForRender();
        awaitTrue(pages().get("/"), "the overview's figures");

        for (String next : List.of("/compare?window=P90D", "/suppliers/acme")) {
            browser.open(server.url(next));
            assertThat(browser.driver.findElements(By.id("read-token"))).as("%s asks no second time", next).isEmpty();
            awaitTrue(pages().get(next), next + ": figures with the kept token");
            assertTokenKeptOnlyInSessionStorage(next);
        }
    }

    @Test
    void aWrongTokenIsSaidToBeRefusedAndAskedForAgain() {
        browser.driver.get(server.url("/suppliers/acme"));
        awaitTokenForm("/suppliers/acme").sendKeys(WRONG_TOKEN, Keys.ENTER);

        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> "true".equals(browser.js(
                "const s = document.getElementById('read-token-status'); return s && s.dataset.refused;")));
        assertThat(browser.driver.findElement(By.id("read-token-status")).getText())
                .containsIgnoringCase("the read token was refused");
        assertThat(browser.driver.findElements(By.cssSelector("#kpi-table"))).as("no figures with a wrong token").isEmpty();
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(WRONG_TOKEN);

        WebElement input = browser.driver.findElement(By.id("read-token-input"));
        assertThat(input.getAttribute("value")).as("the refused token is not left in the field").isEmpty();
        input.sendKeys(READ_TOKEN, Keys.ENTER);
        browser.waitForRender();
        awaitTrue(pages().get("/suppliers/acme"), "the scorecard with the right token");
        assertTokenKeptOnlyInSessionStorage("/suppliers/acme");
    }

    @Test
    void thePagesJsonAndCsvLinksAreReadWithTheTokenNotOpenedWithoutIt() {
        browser.driver.get(server.url("/suppliers/acme"));
        awaitTokenForm("/suppliers/acme").sendKeys(READ_TOKEN, Keys.ENTER);
        browser.waitForRender();
        awaitTrue(pages().get("/suppliers/acme"), "the scorecard");
        String page = browser.driver.getCurrentUrl();

        for (String link : List.of("csv-link", "json-link")) {
            String href = browser.driver.findElement(By.id(link)).getAttribute("href");
            assertThat(href).as(link).contains("/api/v1/scorecards/acme").doesNotContain(READ_TOKEN);
            assertThat(server.getAnonymously(href.substring(server.url("").length())).statusCode())
                    .as("the premise: %s answers 401 without the token", href).isEqualTo(401);
            browser.driver.findElement(By.id(link)).click();
            awaitTrue("return performance.getEntriesByType('resource').some((e) => e.name === '" + href + "'"
                    + " && e.initiatorType === 'fetch' && e.responseStatus === 200);", link + ": read with the token");
            assertThat(browser.driver.getCurrentUrl()).as("%s: the page stays", link).isEqualTo(page);
        }
        assertTokenKeptOnlyInSessionStorage("/suppliers/acme");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Each page and a script that is true once it shows the API's figures (compared here with the API's JSON). */
    private static Map<String, String> pages() {
        JsonObject all = server.json("/api/v1/kpis?window=P30D");
        JsonObject shop = server.json("/api/v1/kpis?application=shop&window=P30D");
        String team = server.json("/api/v1/teams?window=P30D").getAsJsonArray("teams").get(0).getAsJsonObject()
                .get("team").getAsString();
        JsonObject teamKpis = server.json("/api/v1/kpis?team=" + team + "&window=P30D");
        JsonObject scorecard = server.json("/api/v1/scorecards/acme");
        JsonObject comparison = server.json("/api/v1/comparison?window=P90D");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", figure("[data-scope=\"all\"] [data-kpi=\"deploymentFrequency.deployments\"]",
                deployments(all)));
        pages.put("/applications/shop", figure("main [data-kpi=\"deploymentFrequency.perWeek\"]",
                shop.getAsJsonObject("deploymentFrequency").get("perWeek").getAsString()));
        pages.put("/teams/" + team, figure("[data-scope=\"team:" + team + "\"] [data-kpi=\"deploymentFrequency.deployments\"]",
                deployments(teamKpis)));
        pages.put("/suppliers/acme", "return document.querySelectorAll('#kpi-table tbody tr').length === "
                + scorecard.getAsJsonArray("kpis").size() + ";");
        StringBuilder suppliers = new StringBuilder();
        for (JsonElement s : comparison.getAsJsonArray("suppliers")) {
            suppliers.append(suppliers.isEmpty() ? "" : ",").append(s.getAsJsonObject().get("supplier").getAsString());
        }
        pages.put("/compare?window=P90D", "return [...document.querySelectorAll('#table-changeSuccessRate tbody tr')]"
                + ".map((tr) => tr.dataset.supplier).sort().join(',') === '" + sortedCsv(suppliers.toString()) + "';");
        return pages;
    }

    private static String sortedCsv(String csv) {
        return String.join(",", Arrays.stream(csv.split(",")).sorted().toList());
    }

    private static String deployments(JsonObject kpis) {
        return kpis.getAsJsonObject("deploymentFrequency").get("deployments").getAsString();
    }

    private static String figure(String selector, String value) {
        return "const n = document.querySelector('" + selector.replace("'", "\\'") + "');"
                + " return !!n && Number(n.dataset.value) === " + Double.parseDouble(value) + ";";
    }

    private static WebElement awaitTokenForm(String page) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                "const i = document.getElementById('read-token-input'); return !!i && i.offsetParent !== null;")));
        WebElement input = browser.driver.findElement(By.id("read-token-input"));
        assertThat(input.getAttribute("type")).as("%s: a password field", page).isEqualTo("password");
        assertThat(browser.js("return document.activeElement && document.activeElement.id")).as("%s: focused", page)
                .isEqualTo("read-token-input");
        return input;
    }

    private static void awaitTrue(String script, String what) {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(script)));
        } catch (TimeoutException e) {
            // the assertion says what is missing
        }
        assertThat(browser.js(script)).as(what).isEqualTo(true);
    }

    private static String text(String selector) {
        return browser.driver.findElement(By.cssSelector(selector)).getText();
    }

    /** In sessionStorage; not in localStorage, a cookie, the address, a link, a resource URL or a logged error. */
    @SuppressWarnings("unchecked")
    private static void assertTokenKeptOnlyInSessionStorage(String page) {
        assertThat(browser.js("return window.sessionStorage.getItem(arguments[0]);", STORAGE_KEY)).as(page)
                .isEqualTo(READ_TOKEN);
        assertThat(browser.js("return JSON.stringify(Object.assign({}, window.localStorage)) + document.cookie;"))
                .as("%s: localStorage and cookies", page).asString().doesNotContain(READ_TOKEN);
        assertThat(browser.driver.getCurrentUrl()).as("%s: the address", page).doesNotContain(READ_TOKEN);
        List<Object> urls = (List<Object>) browser.js("""
                return [window.location.href,
                  ...[...document.querySelectorAll('[href], [src], [action]')].map((n) => n.getAttribute('href')
                    || n.getAttribute('src') || n.getAttribute('action')),
                  ...performance.getEntriesByType('resource').map((e) => e.name),
                  ...performance.getEntriesByType('navigation').map((e) => e.name)];""");
        assertThat(urls).as("%s: every URL on the page", page).isNotEmpty()
                .allSatisfy(url -> assertThat(String.valueOf(url)).doesNotContain(READ_TOKEN));
        assertThat(browser.errors()).as("%s: script errors and the browser's log", page)
                .allSatisfy(line -> assertThat(line).doesNotContain(READ_TOKEN));
        assertThat(browser.errors()).as("%s: no script errors", page).isEmpty();
    }
}
