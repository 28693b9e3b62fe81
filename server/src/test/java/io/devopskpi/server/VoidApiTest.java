package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * issue 15 item 5, void over HTTP: after {@code {"type": "void"}} every KPI answer (kpis, trends, suppliers,
 * comparison, scorecard, gate, applications, failed changes, export, /metrics) equals that of a server given the
 * same history without the event; {@code unvoid} gives back the answers of the whole history. The lists show the
 * voided event with its mark.
 */
class VoidApiTest {
    private static final String WINDOW = "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";
    private static final List<String> READS = List.of(
            "/api/v1/kpis?application=shop&" + WINDOW,
            "/api/v1/kpis?supplier=acme&" + WINDOW,
            "/api/v1/kpis?supplier=northwind&" + WINDOW,
            "/api/v1/kpis?" + WINDOW,
            "/api/v1/trends?application=shop&" + WINDOW,
            "/api/v1/suppliers?" + WINDOW,
            "/api/v1/comparison?" + WINDOW + "&responsibility=DELIVERY",
            "/api/v1/comparison?" + WINDOW + "&responsibility=OPERATIONS",
            "/api/v1/scorecards/acme?period=2026-01",
            "/api/v1/scorecards/northwind?period=2026-01",
            "/api/v1/applications?" + WINDOW,
            "/api/v1/teams?" + WINDOW,
            "/api/v1/failed-changes?" + WINDOW,
            "/api/v1/components?" + WINDOW,
            "/api/v1/deployments?result=SUCCESS&" + WINDOW,
            "/api/v1/incidents?startedInWindow=true&" + WINDOW,
            "/api/v1/export.csv?" + WINDOW);
    private static final String INCIDENT = """
            {"type":"incident","id":"INC-1","application":"shop","environment":"production",
             "started":"2026-01-09T12:00:00Z","detected":"2026-01-09T12:15:00Z","resolved":"2026-01-09T14:00:00Z",
             "severity":"major"}""";

    @ParameterizedTest
    @ValueSource(strings = {"deployment shop-7", "deployment shop-12", "incident INC-1"})
    void everyKpiAnswerAfterAVoidEqualsTheHistoryWithoutTheEventAndUnvoidRestoresIt(String target) {
        String type = target.split(" ")[0];
        String id = target.split(" ")[1];
        try (TestServer voided = seeded(null); TestServer without = seeded(id); TestServer whole = seeded(null)) {
            Map<String, String> before = answers(voided);
            assertThat(before).isEqualTo(answers(whole)).isNotEqualTo(answers(without));

            HttpResponse<String> answer = voided.post(voiding("void", type, id));

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(TestServer.json(answer).get("accepted").getAsInt()).isEqualTo(1);
            same(answers(voided), answers(without));
            // /metrics keeps its KPIs for a while (and the test clock stands still): a server started on the store
            // computes them afresh
            try (TestServer again = TestServer.start(voided.storeConfig, ServerOptions.forTests(voided.storeConfig,
                    TestServer.TOKEN, TestServer.CLOCK))) {
                assertThat(kpiSamples(again)).isEqualTo(kpiSamples(without)).isNotEqualTo(kpiSamples(whole));
            }

            assertThat(TestServer.json(voided.post(voiding("unvoid", type, id))).get("accepted").getAsInt())
                    .isEqualTo(1);
            same(answers(voided), before);
            try (TestServer again = TestServer.start(voided.storeConfig, ServerOptions.forTests(voided.storeConfig,
                    TestServer.TOKEN, TestServer.CLOCK))) {
                assertThat(kpiSamples(again)).isEqualTo(kpiSamples(whole));
            }
        }
    }

    @Test
    void listsShowTheVoidedEventWithItsReasonTimeAndAuthor() {
        try (TestServer server = seeded(null)) {
            server.post(voiding("void", "deployment", "shop-7"));
            server.post(voiding("void", "incident", "INC-1"));

            JsonArray deployments = TestServer.json(server.get("/api/v1/deployments?application=shop&" + WINDOW))
                    .getAsJsonArray("deployments");
            assertThat(deployments).hasSize(10);
            for (JsonElement d : deployments) {
                JsonObject deployment = d.getAsJsonObject();
                if (deployment.get("id").getAsString().equals("shop-7")) {
                    JsonObject mark = deployment.getAsJsonObject("voided");
                    assertThat(mark.get("reason").getAsString()).isEqualTo("recorded twice by a test job");
                    assertThat(mark.get("at").getAsString()).isEqualTo(TestServer.NOW.toString());
                    assertThat(mark.get("by").getAsString()).isEqualTo("ops-lead");
                    assertThat(deployment.get("failedChange").getAsBoolean()).isFalse();
                } else {
                    assertThat(deployment.has("voided")).isFalse();
                }
            }
            JsonObject incident = TestServer.json(server.get("/api/v1/incidents?application=shop&" + WINDOW))
                    .getAsJsonArray("incidents").get(0).getAsJsonObject();
            assertThat(incident.getAsJsonObject("voided").get("reason").getAsString())
                    .isEqualTo("recorded twice by a test job");
        }
    }

    @Test
    void refusesAnUnknownTargetOrAMissingReasonNamingTheFieldAndAWriteWithoutTheToken() {
        try (TestServer server = seeded(null)) {
            HttpResponse<String> unknown = server.post(voiding("void", "deployment", "shop-99"));
            assertThat(unknown.statusCode()).isEqualTo(400);
            JsonObject error = TestServer.json(unknown).getAsJsonArray("errors").get(0).getAsJsonObject();
            assertThat(error.get("field").getAsString()).isEqualTo("target.id");
            assertThat(error.get("message").getAsString()).contains("'shop-99'");

            HttpResponse<String> noReason = server.post("{\"type\":\"void\",\"target\":{\"type\":\"deployment\","
                    + "\"id\":\"shop-7\"}}");
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(noReason).getAsJsonArray("errors").get(0).getAsJsonObject().get("field")
                    .getAsString()).isEqualTo("reason");

            HttpResponse<String> badType = server.post("{\"type\":\"void\",\"target\":{\"type\":\"build\","
                    + "\"id\":\"shop-7\"},\"reason\":\"x\"}");
            assertThat(badType.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(badType).getAsJsonArray("errors").get(0).getAsJsonObject().get("field")
                    .getAsString()).isEqualTo("target.type");

            assertThat(server.post(voiding("void", "deployment", "shop-7"), "Bearer wrong").statusCode())
                    .isEqualTo(401);
            assertThat(server.text("SELECT COUNT(*) FROM deployment WHERE voided_at IS NOT NULL")).isEqualTo("0");
            assertThat(server.rows("void_log")).isZero();
        }
    }

    /** Answer by answer, so that a difference names the request. */
    private static void same(Map<String, String> actual, Map<String, String> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String request : expected.keySet()) {
            assertThat(actual.get(request)).as(request).isEqualTo(expected.get(request));
        }
    }

    private static String voiding(String action, String type, String id) {
        return "{\"type\":\"" + action + "\",\"target\":{\"type\":\"" + type + "\",\"id\":\"" + id + "\"},"
                + "\"reason\":\"recorded twice by a test job\",\"by\":\"ops-lead\"}";
    }

    /** GovernanceFixture's history and one incident, leaving out the event of id {@code left} (null: none). */
    private static TestServer seeded(String left) {
        TestServer server = TestServer.start();
        List<String> events = new ArrayList<>();
        for (int day = 5; day <= 14; day++) {
            String id = "shop-" + day;
            if (!id.equals(left)) {
                events.add(String.format("{\"type\":\"deployment\",\"id\":\"%s\",\"application\":\"shop\","
                        + "\"environment\":\"production\",\"started\":\"2026-01-%02dT09:50:00Z\","
                        + "\"finished\":\"2026-01-%02dT10:00:00Z\",\"result\":\"%s\"}", id, day, day,
                        day == 7 || day == 11 ? "FAILURE" : "SUCCESS"));
            }
        }
        if (!"INC-1".equals(left)) {
            events.add(INCIDENT);
        }
        assertThat(server.post("[" + String.join(",", events) + "]").statusCode()).isEqualTo(200);
        assertThat(server.post(GovernanceFixture.GOVERNANCE).statusCode()).isEqualTo(200);
        return server;
    }

    private static Map<String, String> answers(TestServer server) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String read : READS) {
            HttpResponse<String> response = server.get(read);
            assertThat(response.statusCode()).as(read + ": " + response.body()).isEqualTo(200);
            answers.put(read, response.body());
        }
        for (String policy : List.of("release-shop", "contract-acme")) {
            HttpResponse<String> gate = server.postTo("/api/v1/gate", "{\"policy\":\"" + policy + "\"}",
                    "Bearer " + TestServer.TOKEN);
            answers.put("gate " + policy, gate.statusCode() + " " + gate.body());
        }
        return answers;
    }

    /** The KPI samples of /metrics: not those of the process, its requests and its ingestion so far. */
    private static List<String> kpiSamples(TestServer server) {
        HttpResponse<String> response = server.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().filter(l -> l.startsWith("devops_kpi_") && !l.startsWith("devops_kpi_ingest")
                && !l.startsWith("devops_kpi_http") && !l.startsWith("devops_kpi_build")).toList();
    }
}
