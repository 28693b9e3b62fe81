package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** issue 15 item 5: a voided deployment and incident show on the application page, struck through and marked. */
class VoidedRowsBrowserTest {
    static DemoServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = DemoServer.start();
        String day = DemoServer.NOW.minus(3, ChronoUnit.DAYS).toString();
        String later = DemoServer.NOW.minus(2, ChronoUnit.DAYS).toString();
        server.post("""
                [{"type": "deployment", "id": "voidapp-1", "application": "voidapp", "environment": "production",
                  "started": "%s", "finished": "%s", "result": "SUCCESS"},
                 {"type": "deployment", "id": "voidapp-2", "application": "voidapp", "environment": "production",
                  "started": "%s", "finished": "%s", "result": "SUCCESS"},
                 {"type": "incident", "id": "VOID-INC", "application": "voidapp", "environment": "production",
                  "started": "%s", "resolved": "%s"},
                 {"type": "void", "target": {"type": "deployment", "id": "voidapp-2"},
                  "reason": "sent by a test job", "by": "ops-lead"},
                 {"type": "void", "target": {"type": "incident", "id": "VOID-INC"}, "reason": "monitoring test"}]"""
                .formatted(day, day, later, later, day, later));
        browser = Browser.start(1400, 1000);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, server);
    }

    @Test
    void theApplicationPageMarksTheVoidedRowsAndCountsOnlyTheOthers() {
        browser.open(server.url("/applications/voidapp?window=P30D"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector("tr[data-id='voidapp-2']")).isEmpty()
                        && !d.findElements(By.cssSelector("tr.voided .voided-mark")).isEmpty());

        assertThat(browser.errors()).isEmpty();
        assertThat(browser.js("return [...document.querySelectorAll('tr.voided .voided-mark')]"
                + ".map((m) => m.textContent)")).isEqualTo(List.of("voided: sent by a test job",
                        "voided: monitoring test"));
        assertThat(browser.js("return document.querySelector(\"tr[data-id='voidapp-1']\").classList.contains('voided')"))
                .isEqualTo(false);
        assertThat(browser.js("return getComputedStyle(document.querySelector(\"tr[data-id='voidapp-2'] td\"))"
                + ".textDecorationLine")).isEqualTo("line-through");
        // the figures count the other deployment only
        assertThat((String) browser.js("return document.querySelector('main').innerText"))
                .contains("The 1 successful deployment");
    }
}
