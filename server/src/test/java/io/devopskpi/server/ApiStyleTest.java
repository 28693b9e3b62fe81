package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One API style (api.md, Conventions): one error shape whatever the status, paging on the governance lists, units
 * beside values whose name cannot tell them. Every answer here is also validated against the OpenAPI description.
 */
class ApiStyleTest {
    private static TestServer server;

    @BeforeAll
    static void seed() {
        server = GovernanceFixture.seededServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Both keys, whatever the status: a one-line {@code error} and the list of {@code errors}. */
    private static JsonObject oneShape(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject body = json(response);
        assertThat(body.get("error").getAsString()).isNotBlank();
        assertThat(body.getAsJsonArray("errors")).isNotEmpty();
        for (JsonElement item : body.getAsJsonArray("errors")) {
            assertThat(item.getAsJsonObject().has("field")).as(item.toString()).isTrue();
            assertThat(item.getAsJsonObject().get("message").getAsString()).isNotBlank();
        }
        return body;
    }

    @Test
    void everyRefusalHasTheOneErrorShape() {
        JsonObject invalid = oneShape(server.post(Events.batch(
                Events.DEPLOYMENT.replace("\"environment\"", "\"enviroment\""),
                Events.DEPLOYMENT.replace("\"application\"", "\"aplication\""))), 400);
        // two problems: the first one's message, and how many more
        assertThat(invalid.get("error").getAsString())
                .isEqualTo(invalid.getAsJsonArray("errors").get(0).getAsJsonObject().get("message").getAsString()
                        + " (and 1 more: see errors)");

        JsonObject query = oneShape(server.get("/api/v1/kpis?window=P1Y"), 400);
        assertThat(query.getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString())
                .isEqualTo("window");
        // a single problem: error is its message
        assertThat(query.get("error").getAsString()).isEqualTo(
                query.getAsJsonArray("errors").get(0).getAsJsonObject().get("message").getAsString());

        oneShape(server.post(Events.DEPLOYMENT, null), 401);
        oneShape(server.get("/api/v1/no-such-list"), 404);
    }

    @Test
    void aConflictNamesTheEventsPositionTwice() {
        String stored = Events.deployment("style/conflict/1");
        assertThat(server.post(stored).statusCode()).isEqualTo(200);
        JsonObject conflict = oneShape(server.post(Events.batch(Events.deployment("style/conflict/2"),
                stored.replace("\"SUCCESS\"", "\"FAILURE\""))), 409);
        assertThat(conflict.get("index").getAsInt()).isEqualTo(1);
        JsonObject item = conflict.getAsJsonArray("errors").get(0).getAsJsonObject();
        assertThat(item.get("index").getAsInt()).isEqualTo(1);
        assertThat(item.get("field").isJsonNull()).isTrue();
        assertThat(item.get("message").getAsString()).isEqualTo(conflict.get("error").getAsString());
    }

    @Test
    void governanceListsPageAndListEverythingWithoutALimit() {
        // the fixture holds three assignments (GovernanceApiTest)
        JsonObject all = ok("/api/v1/assignments");
        assertThat(all.getAsJsonArray("assignments")).hasSize(3);
        assertThat(List.of(all.get("total").getAsInt(), all.get("offset").getAsInt(), all.get("limit").getAsInt()))
                .containsExactly(3, 0, 3);

        JsonObject second = ok("/api/v1/assignments?offset=1&limit=1");
        assertThat(second.getAsJsonArray("assignments")).hasSize(1);
        assertThat(second.getAsJsonArray("assignments").get(0)).isEqualTo(all.getAsJsonArray("assignments").get(1));
        assertThat(List.of(second.get("total").getAsInt(), second.get("offset").getAsInt(),
                second.get("limit").getAsInt())).containsExactly(3, 1, 1);

        JsonObject pastTheEnd = ok("/api/v1/assignments?offset=7");
        assertThat(pastTheEnd.getAsJsonArray("assignments")).isEmpty();
        assertThat(pastTheEnd.get("total").getAsInt()).isEqualTo(3);

        for (String list : List.of("targets", "surveys", "policies", "suppliers")) {
            JsonObject page = ok("/api/v1/" + list + "?limit=1");
            assertThat(page.getAsJsonArray(list)).as(list).hasSizeLessThanOrEqualTo(1);
            assertThat(page.get("limit").getAsInt()).as(list).isEqualTo(1);
            JsonObject whole = ok("/api/v1/" + list);
            assertThat(whole.get("total").getAsInt()).as(list).isEqualTo(whole.getAsJsonArray(list).size());
            assertThat(page.get("total").getAsInt()).as(list).isEqualTo(whole.get("total").getAsInt());
        }
        // surveys: satisfaction is over every survey the query matched, not only the page's
        assertThat(ok("/api/v1/surveys?supplier=acme&limit=1").get("satisfaction"))
                .isEqualTo(ok("/api/v1/surveys?supplier=acme").get("satisfaction"));

        JsonObject refused = oneShape(server.get("/api/v1/targets?limit=501&offset=-1"), 400);
        List<String> fields = new ArrayList<>();
        refused.getAsJsonArray("errors").forEach(e -> fields.add(e.getAsJsonObject().get("field").getAsString()));
        assertThat(fields).containsExactlyInAnyOrder("offset", "limit");
    }

    @Test
    void scorecardLinesAndGateResultsNameTheirUnit() {
        JsonObject card = ok("/api/v1/scorecards/acme?period=2026-01");
        List<String> units = new ArrayList<>();
        for (JsonElement line : card.getAsJsonArray("kpis")) {
            JsonObject kpi = line.getAsJsonObject();
            String metric = kpi.get("metric").getAsString();
            String unit = kpi.get("unit").getAsString();
            units.add(metric + "=" + unit);
        }
        assertThat(units).contains("changeSuccessRate=ratio", "timeToRestoreMean=seconds",
                "deploymentsPerWeek=deployments per week", "availability=ratio");

        HttpResponse<String> gate = server.postTo("/api/v1/gate", """
                {"scope": {"supplier": "acme"}, "from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z",
                 "thresholds": [{"metric": "leadTimeMedian", "operator": "<=", "value": "1d"},
                                {"metric": "stakeholderSatisfaction", "operator": ">=", "value": 3}]}""",
                "Bearer " + TestServer.TOKEN);
        JsonObject verdict = json(gate);
        assertThat(verdict.getAsJsonArray("results").get(0).getAsJsonObject().get("unit").getAsString())
                .isEqualTo("seconds");
        assertThat(verdict.getAsJsonArray("results").get(1).getAsJsonObject().get("unit").getAsString())
                .isEqualTo("score");
    }

    private static JsonObject ok(String pathAndQuery) {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
