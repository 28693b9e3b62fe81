package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 8: a value written into the shared database by a newer version (a constant this version does not
 * know) never turns a read into a 400 or a 500; a real fault of the server answers 500 with an error id that the
 * log repeats with the stack trace, and blames no request field. The rows are changed by plain SQL, as another
 * program sharing the database would.
 */
class StoredValuesApiTest {
    private static final String JANUARY = "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";
    /** Every read of api.md and the dashboard, with a query each accepts. */
    private static final List<String> READS = List.of(
            "/api/v1/kpis?" + JANUARY, "/api/v1/kpis?application=shop&" + JANUARY,
            "/api/v1/kpis?supplier=acme&" + JANUARY, "/api/v1/kpis?supplier=northwind&" + JANUARY,
            "/api/v1/trends?" + JANUARY, "/api/v1/applications?" + JANUARY, "/api/v1/teams?" + JANUARY,
            "/api/v1/suppliers?" + JANUARY, "/api/v1/deployments?" + JANUARY, "/api/v1/failed-changes?" + JANUARY,
            "/api/v1/incidents?" + JANUARY, "/api/v1/components?" + JANUARY, "/api/v1/export.csv?" + JANUARY,
            "/api/v1/assignments", "/api/v1/assignments?application=shop", "/api/v1/targets",
            "/api/v1/surveys", "/api/v1/policies", "/api/v1/comparison?" + JANUARY,
            "/api/v1/scorecards/acme?period=2026-01", "/api/v1/scorecards/northwind?period=2026-01",
            "/api/v1/scorecards/acme.csv?period=2026-01", "/metrics");

    @Test
    void anUnknownResponsibilityOrReviewPeriodIsLeftOutAndEveryReadAnswers() {
        try (TestServer server = GovernanceFixture.seededServer()) {
            assertThat(server.execute("UPDATE assignment SET responsibility = 'SECURITY'"
                    + " WHERE application = 'shop' AND responsibility = 'OPERATIONS'")).isEqualTo(1);
            assertThat(server.execute("UPDATE contract_target SET review_period = 'YEAR'"
                    + " WHERE metric = 'timeToRestoreMean'")).isEqualTo(1);

            everyReadAnswers200(server);
            JsonArray shop = json(server.get("/api/v1/assignments?application=shop")).getAsJsonArray("assignments");
            assertThat(shop).hasSize(1);
            assertThat(shop.get(0).getAsJsonObject().get("responsibility").getAsString()).isEqualTo("DELIVERY");
            JsonArray targets = json(server.get("/api/v1/targets?supplier=acme")).getAsJsonArray("targets");
            assertThat(targets).hasSize(1);
            assertThat(targets.get(0).getAsJsonObject().get("metric").getAsString()).isEqualTo("changeSuccessRate");
        }
    }

    /**
     * Needs KpiRepository to read result and kind through StoredValues.countedResult / countedKind (it still calls
     * valueOf): until then /kpis answers 500 with an error id here.
     */
    @Test
    void anUnknownResultOrKindIsShownAsUnknownAndCountedAsARunThatDidNotDeploy() {
        try (TestServer server = GovernanceFixture.seededServer()) {
            assertThat(server.execute("UPDATE deployment SET result = 'SKIPPED' WHERE id = 'shop-6'")).isEqualTo(1);
            assertThat(server.execute("UPDATE deployment SET kind = 'CANARY' WHERE id = 'shop-8'")).isEqualTo(1);

            everyReadAnswers200(server);
            JsonArray deployments = json(server.get("/api/v1/deployments?" + JANUARY)).getAsJsonArray("deployments");
            assertThat(entry(deployments, "shop-6").get("result").getAsString()).isEqualTo("UNKNOWN");
            assertThat(entry(deployments, "shop-8").get("kind").getAsString()).isEqualTo("UNKNOWN");
            assertThat(entry(deployments, "shop-8").get("result").getAsString()).isEqualTo("SUCCESS");
            assertThat(server.get("/api/v1/export.csv?" + JANUARY).body()).contains("UNKNOWN");
            // shop-6 (result unknown) no longer counts: 10 attempts − 1 = 9, of which 7 and 11 failed; SUCCESS
            // deployments 8 − 1 = 7. shop-8 (kind unknown, counted as NORMAL) still restores shop-7.
            JsonObject kpis = json(server.get("/api/v1/kpis?application=shop&" + JANUARY));
            assertThat(kpis.getAsJsonObject("changeFailureRate").get("total").getAsInt()).isEqualTo(9);
            assertThat(kpis.getAsJsonObject("changeFailureRate").get("failed").getAsInt()).isEqualTo(2);
            assertThat(kpis.getAsJsonObject("deploymentFrequency").get("deployments").getAsInt()).isEqualTo(7);
            assertThat(kpis.getAsJsonObject("timeToRestore").get("count").getAsInt()).isEqualTo(2);
        }
    }

    @Test
    void aFaultOfTheServerAnswers500WithAnIdThatTheLogRepeatsWithTheStackTrace() {
        try (TestServer server = GovernanceFixture.seededServer()) {
            // a corrupt row (an object where the list of applications belongs): nothing the request did
            assertThat(server.execute("UPDATE contract_target SET applications = '{}'"
                    + " WHERE metric = 'timeToRestoreMean'")).isEqualTo(1);

            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream original = System.err;
            HttpResponse<String> response;
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                response = server.get("/api/v1/targets?supplier=acme");
            } finally {
                System.setErr(original);
            }

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonObject body = json(response);
            String id = body.get("id").getAsString();
            assertThat(id).matches("[0-9a-f]{16}");
            JsonObject error = body.getAsJsonArray("errors").get(0).getAsJsonObject();
            assertThat(error.get("field").isJsonNull()).isTrue();
            assertThat(error.get("message").getAsString()).isEqualTo("internal error, id " + id);
            assertThat(body.get("error").getAsString()).isEqualTo("internal error, id " + id);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("supplier");
            String logged = log.toString(StandardCharsets.UTF_8);
            assertThat(logged).contains("internal error, id " + id).contains("IllegalStateException")
                    .contains("\tat ");

            String other = json(server.get("/api/v1/targets?supplier=acme")).get("id").getAsString();
            assertThat(other).isNotEqualTo(id);
        }
    }

    private static void everyReadAnswers200(TestServer server) {
        for (String read : READS) {
            HttpResponse<String> response = server.get(read);
            assertThat(response.statusCode()).as(read + " " + response.body()).isEqualTo(200);
        }
    }

    private static JsonObject entry(JsonArray list, String id) {
        for (JsonElement element : list) {
            if (element.getAsJsonObject().get("id").getAsString().equals(id)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }
}
