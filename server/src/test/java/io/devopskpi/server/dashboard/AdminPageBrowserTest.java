package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page and the new pages' hygiene, in a real browser against a real server: the write token stays in
 * sessionStorage (never localStorage or a URL), the API's errors land next to the field they name, hostile names
 * are text, and no page has script errors or CSP violations. One browser for the class.
 */
class AdminPageBrowserTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

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
    void theTokenIsKeptOnlyInSessionStorageAndNeverInTheUrlOrLocalStorage() {
        browser.open(server.url("/admin"));
        enterToken();

        assertThat(browser.js("return sessionStorage.getItem('devops-kpi-write-token')")).isEqualTo(DemoServer.TOKEN);
        assertThat(browser.js("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(DemoServer.TOKEN).doesNotContain("token=");
        assertThat(browser.driver.findElement(By.id("token")).getAttribute("type")).isEqualTo("password");
        assertThat(browser.driver.findElement(By.id("token")).getAttribute("value")).isEmpty();

        submitAssignment("shop", "acme", "2020-01-01", "2019-01-01");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(DemoServer.TOKEN);
        for (String page : List.of("/admin", "/compare", "/suppliers/acme", "/applications/shop", "/")) {
            browser.open(server.url(page));
            assertThat(browser.js("return localStorage.length")).as(page).isEqualTo(0L);
            assertThat(browser.driver.getCurrentUrl()).as(page).doesNotContain(DemoServer.TOKEN);
            assertThat(browser.js("return document.documentElement.outerHTML.includes(arguments[0])", DemoServer.TOKEN))
                    .as(page).isEqualTo(false);
        }

        browser.open(server.url("/admin"));
        browser.driver.findElement(By.id("forget-token")).click();
        assertThat(browser.js("return sessionStorage.getItem('devops-kpi-write-token')")).isNull();
    }

    @Test
    void anInvalidAssignmentShowsTheApisErrorNextToItsField() {
        browser.open(server.url("/admin"));
        enterToken();
        submitAssignment("shop", "acme", "2020-01-01", "2019-01-01");

        WebElement error = browser.driver.findElement(By.id("assignment-to-error"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> !error.getText().isBlank());
        // the page shows what the API said, word for word, next to the "to" field
        String apiMessage = server.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.url("/api/v1/events")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + DemoServer.TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"type": "assignment", "application": "shop", "supplier": "acme",
                         "responsibility": "DELIVERY", "from": "2020-01-01T00:00:00Z", "to": "2019-01-01T00:00:00Z"}"""))
                .build()).body();
        String expected = com.google.gson.JsonParser.parseString(apiMessage).getAsJsonObject().getAsJsonArray("errors")
                .get(0).getAsJsonObject().get("message").getAsString();
        assertThat(error.getText()).isEqualTo(expected);
        assertThat(browser.driver.findElement(By.id("assignment-to")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("assignment-from-error")).getText()).isEmpty();
        assertThat(browser.driver.findElement(By.id("assignment-to")).getAttribute("aria-describedby"))
                .contains("assignment-to-error");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aRefusedTokenIsSaidSo() {
        browser.open(server.url("/admin"));
        WebElement token = browser.driver.findElement(By.id("token"));
        token.sendKeys("not-the-token");
        browser.driver.findElement(By.cssSelector("#controls button[type=submit]")).click();
        submitAssignment("shop", "acme", "2030-01-01", "");
        WebElement status = browser.driver.findElement(By.cssSelector("#assignment-form .form-status"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> !status.getText().isBlank());
        assertThat(status.getText()).contains("401");
        browser.driver.findElement(By.id("forget-token")).click();
    }

    @Test
    void aHostileApplicationNameTypedIntoAFormIsShownAsTextAndRunsNothing() {
        browser.open(server.url("/admin"));
        enterToken();
        WebElement form = browser.driver.findElement(By.id("tags-form"));
        form.findElement(By.name("application")).sendKeys(HOSTILE);
        form.findElement(By.name("tags")).sendKeys("web, " + HOSTILE);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement status = form.findElement(By.cssSelector(".form-status"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> !status.getText().isBlank());
        assertThat(browser.js("return document.querySelectorAll('img').length")).isEqualTo(0L);
        assertNoScriptRan();

        // an application of that name (it exists once a deployment names it): every new page shows it as text
        String started = DemoServer.NOW.minusSeconds(3 * 3600).toString();
        String finished = DemoServer.NOW.minusSeconds(3 * 3600 - 600).toString();
        server.post("""
                [{"type": "deployment", "id": "hostile-admin-1", "application": "%s", "environment": "production",
                  "started": "%s", "finished": "%s", "result": "SUCCESS"},
                 {"type": "assignment", "application": "%s", "supplier": "%s", "responsibility": "BOTH",
                  "from": "2020-01-01T00:00:00Z"}]""".formatted(HOSTILE, started, finished, HOSTILE, HOSTILE));
        String encoded = URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8).replace("+", "%20");
        for (String page : List.of("/admin", "/suppliers/" + encoded, "/compare", "/applications/" + encoded,
                "/?group=supplier")) {
            browser.open(server.url(page));
            assertThat(browser.js("return document.querySelectorAll('img').length")).as(page).isEqualTo(0L);
            assertNoScriptRan();
        }
        browser.open(server.url("/suppliers/" + encoded));
        assertThat(browser.driver.findElement(By.id("supplier-name")).getText()).isEqualTo(HOSTILE);
        assertThat(browser.driver.getTitle()).startsWith(HOSTILE);
        browser.open(server.url("/admin"));
        assertThat(browser.js("return [...document.querySelectorAll('#history-application option')]"
                + ".map((o) => o.textContent).includes(arguments[0])", HOSTILE)).isEqualTo(true);
    }

    @Test
    void everyNewPageLoadsWithoutScriptErrorsOrCspViolationsAndWithLabelledControls() {
        for (String page : List.of("/admin", "/compare", "/compare?window=P90D&responsibility=DELIVERY",
                "/suppliers/acme", "/suppliers/acme?period=2026-08", "/applications/shop", "/?group=supplier")) {
            browser.open(server.url(page));
            assertThat(browser.errors()).as(page).isEmpty();
            assertThat(browser.js("return [...document.querySelectorAll('input, select, textarea')]"
                    + ".filter((c) => c.type !== 'hidden' && c.labels.length === 0).map((c) => c.id)"))
                    .as("controls without a label on %s", page).isEqualTo(List.of());
            assertThat(browser.js("return ['header', 'nav', 'main', 'footer'].filter((t) => !document.querySelector(t))"))
                    .as("landmarks on %s", page).isEqualTo(List.of());
            assertThat(browser.js("return document.querySelector('main').textContent.trim().length > 0")).as(page)
                    .isEqualTo(true);
        }
        // the overview's supplier widgets link to the scorecards, the navigation to the new pages
        browser.open(server.url("/?group=supplier"));
        assertThat(browser.js("return [...document.querySelectorAll('.widget-title a')].map((a) => new URL(a.href).pathname)"))
                .asList().contains("/suppliers/acme", "/suppliers/globex");
        assertThat(browser.js("return [...document.querySelectorAll('nav a')].map((a) => new URL(a.href).pathname)"))
                .asList().contains("/", "/compare", "/admin");
    }

    @Test
    void anEndpointTheServerLacksIsNamedInANoticeAndOtherwiseNoNoticeShows() {
        Map<String, String> pages = Map.of(
                "/suppliers/acme", "/api/v1/scorecards/acme",
                "/compare", "/api/v1/comparison",
                "/admin", "/api/v1/assignments",
                "/applications/shop", "/api/v1/assignments?application=shop");
        for (Map.Entry<String, String> entry : pages.entrySet()) {
            int status = server.get(entry.getValue()).statusCode();
            browser.open(server.url(entry.getKey()));
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.js(
                    "return !document.querySelector('#history-body .muted')")));
            String notices = (String) browser.js("return [...document.querySelectorAll('main [role=alert]')]"
                    + ".map((n) => n.textContent).join(' | ')");
            String path = entry.getValue().replaceFirst("\\?.*", "");
            if (status == 404) {
                assertThat(notices).as(entry.getKey()).contains("not available").contains(path).contains("HTTP 404");
            } else {
                assertThat(status).as(entry.getValue()).isEqualTo(200);
                assertThat(notices).as(entry.getKey()).doesNotContain(path);
            }
            assertThat(browser.errors()).as(entry.getKey()).isEmpty();
        }
    }

    private void enterToken() {
        WebElement token = browser.driver.findElement(By.id("token"));
        token.clear();
        token.sendKeys(DemoServer.TOKEN);
        browser.driver.findElement(By.cssSelector("#controls button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> DemoServer.TOKEN.equals(
                browser.js("return sessionStorage.getItem('devops-kpi-write-token')")));
    }

    /** Fills the assignment form (dates as yyyy-mm-dd, set through the DOM: date inputs differ by locale). */
    void submitAssignment(String application, String supplier, String from, String to) {
        WebElement form = browser.driver.findElement(By.id("assignment-form"));
        WebElement app = form.findElement(By.name("application"));
        app.clear();
        app.sendKeys(application);
        WebElement sup = form.findElement(By.name("supplier"));
        sup.clear();
        sup.sendKeys(supplier);
        browser.js("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
                form.findElement(By.name("from")), from, form.findElement(By.name("to")), to);
        form.findElement(By.cssSelector("button[type=submit]")).click();
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
}
