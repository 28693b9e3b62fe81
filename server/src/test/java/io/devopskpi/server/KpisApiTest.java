package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.devopskpi.core.kpi.KpiSettings;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KpisApiTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersThirtyDaysOfProductionEndingNowByDefault() {
        HttpResponse<String> response = server.get("/api/v1/kpis");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject report = json(response);
        assertThat(report.getAsJsonObject("scope").toString()).isEqualTo("{\"environment\":\"production\"}");
        assertThat(report.getAsJsonObject("window").toString()).isEqualTo(
                "{\"from\":\"2026-01-02T12:00:00Z\",\"to\":\"2026-02-01T12:00:00Z\",\"zone\":\"UTC\"}");
        assertThat(report.getAsJsonObject("leadTime").get("medianSeconds").isJsonNull()).isTrue();
    }

    @Test
    void answersTheKpisOfStoredEventsForAScope() {
        server.post(Events.batch(Events.ASSIGNMENT, Events.DEPLOYMENT, Events.INCIDENT));

        JsonObject report = json(server.get("/api/v1/kpis?supplier=acme&window=P30D&zone=Europe/Berlin"));

        assertThat(report.getAsJsonObject("scope").get("supplier").getAsString()).isEqualTo("acme");
        assertThat(report.getAsJsonObject("window").get("zone").getAsString()).isEqualTo("Europe/Berlin");
        assertThat(report.getAsJsonObject("deploymentFrequency").get("deployments").getAsInt()).isEqualTo(1);
        assertThat(report.getAsJsonObject("changeFailureRate").get("failed").getAsInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "two scopes|application=shop&team=payments|team|application and team",
            "window and from|window=P7D&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z|window|not both",
            "from without to|from=2026-01-01T00:00:00Z|to|together",
            "from after to|from=2026-01-03T00:00:00Z&to=2026-01-02T00:00:00Z|from|before to",
            "window after now|from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z|from|after the query time",
            "bad instant|from=yesterday&to=2026-01-02T00:00:00Z|from|'yesterday'",
            "bad zone|zone=Mars/Olympus|zone|'Mars/Olympus'",
            "bad duration|window=30days|window|ISO-8601 duration",
            "months|window=P1M|window|no fixed length",
            "zero window|window=PT0S|window|longer than zero",
            "unknown parameter|app=shop|app|unknown query parameter 'app'",
            "repeated parameter|environment=a&environment=b|environment|at most once",
            "blank scope|team=|team|must not be blank"})
    void refusesBadQueriesNamingTheParameter(String name, String query, String field, String message) {
        HttpResponse<String> response = server.get("/api/v1/kpis?" + query);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = json(response).getAsJsonArray("errors").get(0).getAsJsonObject();
        assertThat(error.get("field").getAsString()).isEqualTo(field);
        assertThat(error.get("message").getAsString()).contains(message);
    }

    @Test
    void requiresTheReadTokenWhenOneIsConfigured() {
        var store = TestServer.freshStore();
        try (TestServer guarded = TestServer.start(store, new ServerOptions("127.0.0.1", 0, store, TestServer.TOKEN,
                "read-token", TestServer.CLOCK, KpiSettings.defaults()))) {
            assertThat(guarded.get("/api/v1/kpis").statusCode()).isEqualTo(401);
            assertThat(guarded.send(HttpRequest.newBuilder(guarded.uri("/api/v1/kpis"))
                    .header("Authorization", "Bearer read-token").build()).statusCode()).isEqualTo(200);
            assertThat(guarded.send(HttpRequest.newBuilder(guarded.uri("/api/v1/kpis"))
                    .header("Authorization", "Bearer " + TestServer.TOKEN).build()).statusCode()).isEqualTo(200);
            assertThat(guarded.post(Events.DEPLOYMENT, "Bearer read-token").statusCode()).isEqualTo(401);
            assertThat(guarded.get("/api/v1/health").statusCode()).isEqualTo(200);
        }
    }
}
