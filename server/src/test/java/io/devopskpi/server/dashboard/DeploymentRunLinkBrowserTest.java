package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.store.StoreConnections;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The application page's deployment list links each deployment to the run that made it, in real Chromium: the
 * id is a link to the recorded run URL (the Jenkins plugin records {@code Run.getUrl()} below Jenkins' root URL)
 * only when that URL is http(s). A {@code javascript:} URL cannot be sent (the event model refuses it), and one
 * in the database anyway (written by hand or by another tool) is shown as text, never as a link.
 */
class DeploymentRunLinkBrowserTest {
    private static final String RUN = "https://ci.example/job/linkapp-deploy/42/";
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

    private static String deployment(String id, int hoursAgo, String url) {
        String finished = DemoServer.NOW.minus(Duration.ofHours(hoursAgo)).toString();
        String started = DemoServer.NOW.minus(Duration.ofHours(hoursAgo)).minusSeconds(300).toString();
        return "{\"type\": \"deployment\", \"id\": \"" + id + "\", \"application\": \"linkapp\", \"environment\": "
                + "\"production\", \"started\": \"" + started + "\", \"finished\": \"" + finished + "\", \"result\": "
                + "\"SUCCESS\", \"pipeline\": \"linkapp-deploy\"" + (url == null ? "" : ", \"url\": \"" + url + "\"")
                + "}";
    }

    @Test
    void aRecordedRunUrlIsTheDeploymentsLinkAndNothingElseIs() throws Exception {
        server.post("[" + deployment("jenkins:linkapp-deploy#42:linkapp:production", 3, RUN) + ", "
                + deployment("jenkins:linkapp-deploy#41:linkapp:production", 5, null) + ", "
                + deployment("jenkins:linkapp-deploy#40:linkapp:production", 7, "https://ci.example/job/x/40/")
                + "]");
        HttpResponse<String> refused = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/events")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + DemoServer.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("[" + deployment("jenkins:linkapp-deploy#39:linkapp:"
                        + "production", 9, "javascript:alert(1)") + "]")).build());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("url");
        try (Connection c = StoreConnections.of(server.server.store());
                PreparedStatement s = c.prepareStatement("UPDATE deployment SET url = ? WHERE id = ?")) {
            s.setString(1, "javascript:alert(document.domain)");
            s.setString(2, "jenkins:linkapp-deploy#40:linkapp:production");
            assertThat(s.executeUpdate()).as("a URL no event may carry, put into the database directly").isOne();
        }

        browser.open(server.url("/applications/linkapp"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(browser.js(
                "return document.querySelectorAll('#deployments tbody tr').length === 3")));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) browser.js(
                "return [...document.querySelectorAll('#deployments tbody tr')].map((tr) => {"
                        + "const cell = [...tr.cells].find((td) => td.textContent.startsWith('jenkins:'));"
                        + "const a = cell && cell.querySelector('a');"
                        + "return {id: cell && cell.textContent, href: a && a.getAttribute('href'),"
                        + " rel: a && a.getAttribute('rel'), links: tr.querySelectorAll('a[href^=\"javascript\"]')"
                        + ".length};});");
        assertThat(rows).hasSize(3);
        Map<String, Object> linked = row(rows, "jenkins:linkapp-deploy#42:linkapp:production");
        assertThat(linked.get("href")).as("the id links to the run that made the deployment").isEqualTo(RUN);
        assertThat(String.valueOf(linked.get("rel"))).contains("noopener");
        assertThat(row(rows, "jenkins:linkapp-deploy#41:linkapp:production").get("href"))
                .as("no run URL recorded: text").isNull();
        assertThat(row(rows, "jenkins:linkapp-deploy#40:linkapp:production").get("href"))
                .as("a javascript: URL is never a link").isNull();
        assertThat(rows).allSatisfy(r -> assertThat(((Number) r.get("links")).intValue()).isZero());
        assertThat(browser.errors()).isEmpty();
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String id) {
        return rows.stream().filter(r -> id.equals(r.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not listed: " + rows));
    }
}
