package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 9: the scorecard CSV writes a negative change as a number (it was text, {@code '-0.1999…}), rounded
 * for people, while the JSON keeps full precision.
 */
class CsvNumbersApiTest {
    @Test
    void aNegativeChangeIsANumberRoundedForPeopleAndFullInJson() {
        try (TestServer server = GovernanceFixture.seededServer()) {
            // December 2025: two SUCCESS deployments of shop → success rate 1.0; January (GateFixture): 0.8.
            // change = 0.8 − 1.0 = −0.19999999999999996 in binary floating point, −0.2 for people.
            HttpResponse<String> december = server.post("""
                    [{"type":"deployment","id":"shop-dec-1","application":"shop","environment":"production",
                      "started":"2025-12-10T09:50:00Z","finished":"2025-12-10T10:00:00Z","result":"SUCCESS"},
                     {"type":"deployment","id":"shop-dec-2","application":"shop","environment":"production",
                      "started":"2025-12-11T09:50:00Z","finished":"2025-12-11T10:00:00Z","result":"SUCCESS"}]""");
            assertThat(december.statusCode()).as(december.body()).isEqualTo(200);

            JsonObject card = json(server.get("/api/v1/scorecards/acme?period=2026-01"));
            JsonObject success = line(card, "changeSuccessRate");
            assertThat(success.get("change").getAsDouble()).isEqualTo(0.8 - 1.0).isNotEqualTo(-0.2);

            List<List<String>> rows = Rfc4180.parse(server.get("/api/v1/scorecards/acme.csv?period=2026-01").body());
            List<String> header = rows.get(0);
            List<String> row = rows.stream().filter(r -> r.contains("changeSuccessRate")).findFirst().orElseThrow();
            assertThat(row.get(header.indexOf("change"))).isEqualTo("-0.2");
            assertThat(row.get(header.indexOf("previous_value"))).isEqualTo("1");
            assertThat(row.get(header.indexOf("value"))).isEqualTo("0.8");
            assertThat(row.get(header.indexOf("samples"))).isEqualTo("10");
        }
    }

    private static JsonObject line(JsonObject card, String metric) {
        for (JsonElement element : card.getAsJsonArray("kpis")) {
            if (element.getAsJsonObject().get("metric").getAsString().equals(metric)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + metric);
    }
}
