package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * issue 15 items 1 and 4 on the dashboard, in a real browser: the "Incidents counted" filter narrows the incident-side
 * figures to the hand-computed value and survives a reload (it lives in the URL); incident lists show the normalised
 * level; the overview shows how many alerts no mapping placed, linked to their list.
 */
class SeverityAndAlertsBrowserTest {
    static DemoServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = DemoServer.start();
        Instant day = DemoServer.NOW.minus(3, ChronoUnit.DAYS);
        Instant later = DemoServer.NOW.minus(2, ChronoUnit.DAYS);
        // sevapp: a critical incident detected after 600 s, a warning (minor) detected after 3,000 s
        server.post("""
                [{"type": "deployment", "id": "sevapp-1", "application": "sevapp", "environment": "production",
                  "started": "%s", "finished": "%s", "result": "SUCCESS"},
                 {"type": "incident", "id": "SEV-CRIT", "application": "sevapp", "environment": "production",
                  "started": "%s", "detected": "%s", "resolved": "%s", "severity": "P1"},
                 {"type": "incident", "id": "SEV-WARN", "application": "sevapp", "environment": "production",
                  "started": "%s", "detected": "%s", "resolved": "%s", "severity": "warning"}]"""
                .formatted(day.minusSeconds(600), day, day, day.plusSeconds(600), day.plusSeconds(3_600), later,
                        later.plusSeconds(3_000), later.plusSeconds(7_200)));
        browser = Browser.start(1400, 1000);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, server);
    }

    private String detectMean() {
        return (String) browser.js("const n = document.querySelector('[data-kpi=\"timeToDetect.meanSeconds\"]');"
                + "return n && n.dataset.value;");
    }

    private void awaitDetectMean(String expected) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> expected.equals(detectMean()));
    }

    @Test
    void choosingAMinimumSeverityShowsTheFilteredTimeToDetectAndSurvivesAReload() {
        browser.open(server.url("/applications/sevapp?window=P30D"));
        // every incident: (600 + 3,000) / 2 = 1,800 s
        awaitDetectMean("1800");
        assertThat(browser.driver.findElement(By.cssSelector("[data-kpi=\"timeToDetect.meanSeconds\"]")).getText())
                .isEqualTo("30 min");
        // the incident list shows each text with its normalised level
        assertThat(browser.js("return [...document.querySelectorAll('td.severity')].map((c) => c.textContent)"))
                .isEqualTo(List.of("warning minor", "P1 critical"));

        new Select(browser.driver.findElement(By.id("minSeverity"))).selectByValue("critical");
        // critical only: SEV-CRIT, 600 s
        awaitDetectMean("600");
        assertThat(browser.driver.findElement(By.cssSelector("[data-kpi=\"timeToDetect.meanSeconds\"]")).getText())
                .isEqualTo("10 min");
        assertThat(browser.driver.getCurrentUrl()).contains("minSeverity=critical");
        assertThat((String) browser.js("return document.getElementById('api-link').href"))
                .contains("minSeverity=critical");
        // the incident list beside the figure lists what the figure counted: the critical one only
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> List.of("P1 critical").equals(
                browser.js("return [...document.querySelectorAll('td.severity')].map((c) => c.textContent)")));
        // and so does the list behind the figure
        assertThat(browser.driver.findElement(By.cssSelector("a.drill[data-drill=\"timeToDetect\"]"))
                .getAttribute("href")).contains("minSeverity=critical");

        browser.driver.navigate().refresh();
        browser.waitForRender();
        awaitDetectMean("600");
        assertThat(new Select(browser.driver.findElement(By.id("minSeverity"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("critical");

        // back to every incident: 1,800 s again, and the URL no longer names a minimum
        new Select(browser.driver.findElement(By.id("minSeverity"))).selectByValue("");
        awaitDetectMean("1800");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("minSeverity");
        // "major and above" keeps the critical one only here: 600 s
        new Select(browser.driver.findElement(By.id("minSeverity"))).selectByValue("major");
        awaitDetectMean("600");
        browser.driver.navigate().back();
        awaitDetectMean("1800");
        assertThat(browser.errors()).isEmpty();
    }

    /** The list behind time to detect, opened with a minimum severity, lists the incidents the figure counted. */
    @Test
    void theListBehindAFigureKeepsTheChosenSeverity() {
        browser.open(server.url("/?list=incidents&application=sevapp&startedInWindow=true&window=P30D"
                + "&minSeverity=critical"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> List.of("SEV-CRIT").equals(
                browser.js("return [...document.querySelectorAll('tr[data-id]')].map((r) => r.dataset.id)")));
        assertThat(browser.driver.findElement(By.id("list-scope")).getText()).contains("severity critical or higher");
        assertThat((String) browser.js("return document.getElementById('api-link').href"))
                .contains("minSeverity=critical");

        browser.open(server.url("/?list=incidents&application=sevapp&startedInWindow=true&window=P30D"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> List.of("SEV-WARN", "SEV-CRIT").equals(
                browser.js("return [...document.querySelectorAll('tr[data-id]')].map((r) => r.dataset.id)")));
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theOverviewCountsUnmappedAlertsOnlyOnceThereAreSomeAndLinksToTheirList() throws Exception {
        browser.open(server.url("/"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.cssSelector("[data-scope=\"all\"]")).isEmpty());
        assertThat(browser.driver.findElements(By.id("unmapped-alerts"))).isEmpty();

        // two alerts, neither naming an application or a service; one label tries to inject markup
        String alerts = """
                {"version": "4", "status": "firing", "receiver": "devops-kpi", "groupKey": "{}:{}",
                 "alerts": [
                   {"status": "firing", "fingerprint": "0c9d8e7f6a5b4c3d",
                    "labels": {"alertname": "<img src=x onerror=alert(1)>", "instance": "db-3:9100"},
                    "startsAt": "%s", "endsAt": "0001-01-01T00:00:00Z"},
                   {"status": "firing", "fingerprint": "1d2e3f4a5b6c7d8e",
                    "labels": {"alertname": "DiskAlmostFull", "instance": "db-4:9100"},
                    "startsAt": "%s", "endsAt": "0001-01-01T00:00:00Z"}]}"""
                .formatted(DemoServer.NOW.minus(1, ChronoUnit.HOURS), DemoServer.NOW.minus(1, ChronoUnit.HOURS));
        HttpResponse<String> stored = server.send(HttpRequest.newBuilder(URI.create(
                server.url("/api/v1/hooks/alertmanager"))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + DemoServer.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(alerts)).build());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(stored.body()).contains("\"unmapped\":2");

        browser.open(server.url("/"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.id("unmapped-alerts")).isEmpty());
        var notice = browser.driver.findElement(By.id("unmapped-alerts"));
        assertThat(notice.getText()).startsWith("2 unmapped alerts from the alerting webhooks (alertmanager 2)");
        var link = notice.findElement(By.tagName("a"));
        assertThat(link.getText()).isEqualTo("2 unmapped alerts");
        assertThat(link.getAttribute("href")).isEqualTo(server.url("/api/v1/hooks/unmapped"));
        assertThat(server.json("/api/v1/hooks/unmapped").get("count").getAsInt()).isEqualTo(2);
        assertThat(browser.js("return document.querySelectorAll('main img').length")).isEqualTo(0L);
        assertThat(browser.alerts()).isEmpty();
        assertThat(browser.errors()).isEmpty();
    }
}
