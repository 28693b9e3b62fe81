package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Re-sending a batch stores nothing new and changes no KPI (issue: "Re-sending the same batch ..."). */
class ResendApiTest {
    private static final String BATCH = "["
            + "{\"type\":\"assignment\",\"application\":\"shop\",\"supplier\":\"acme\",\"team\":\"web\","
            + "\"responsibility\":\"BOTH\",\"from\":\"2025-01-01T00:00:00Z\"},"
            + "{\"type\":\"deployment\",\"id\":\"d1\",\"application\":\"shop\",\"environment\":\"production\","
            + "\"started\":\"2026-01-05T09:50:00Z\",\"finished\":\"2026-01-05T10:00:00Z\",\"result\":\"SUCCESS\","
            + "\"changes\":[{\"id\":\"c1\",\"committed\":\"2026-01-04T10:00:00Z\"},"
            + "{\"id\":\"c2\",\"committed\":\"2026-01-05T08:00:00Z\"}],"
            + "\"components\":[{\"name\":\"lib\",\"version\":\"1.0\"}]},"
            + "{\"type\":\"deployment\",\"id\":\"d2\",\"application\":\"shop\",\"environment\":\"production\","
            + "\"started\":\"2026-01-06T09:50:00Z\",\"finished\":\"2026-01-06T10:00:00Z\",\"result\":\"FAILURE\"},"
            + "{\"type\":\"deployment\",\"id\":\"d3\",\"application\":\"shop\",\"environment\":\"production\","
            + "\"started\":\"2026-01-06T11:50:00Z\",\"finished\":\"2026-01-06T12:00:00Z\",\"result\":\"SUCCESS\","
            + "\"kind\":\"ROLLBACK\"},"
            + "{\"type\":\"incident\",\"id\":\"i1\",\"application\":\"shop\",\"environment\":\"production\","
            + "\"started\":\"2026-01-05T12:00:00Z\",\"detected\":\"2026-01-05T12:10:00Z\","
            + "\"resolved\":\"2026-01-05T13:00:00Z\",\"severity\":\"major\"}]";
    private static final String KPIS = "/api/v1/kpis?application=shop&from=2026-01-01T00:00:00Z"
            + "&to=2026-02-01T00:00:00Z";

    @Test
    void aResentBatchIsCountedAsDuplicatesAndLeavesEveryKpiAsItWas() {
        try (TestServer server = TestServer.start()) {
            assertThat(TestServer.json(server.post(BATCH)).get("accepted").getAsInt()).isEqualTo(5);
            JsonObject before = TestServer.json(server.get(KPIS));
            long rows = server.storedEvents();

            JsonObject again = TestServer.json(server.post(BATCH));

            assertThat(again.get("accepted").getAsInt()).isZero();
            assertThat(again.get("duplicates").getAsInt()).isEqualTo(5);
            assertThat(again.get("updated").getAsInt()).isZero();
            assertThat(server.storedEvents()).isEqualTo(rows);
            assertThat(TestServer.json(server.get(KPIS))).isEqualTo(before);
            // the batch is not trivial: d1 failed by the incident (rule 3), d2 by FAILURE and the rollback
            assertThat(before.getAsJsonObject("changeFailureRate").get("failed").getAsInt()).isEqualTo(2);
            assertThat(before.getAsJsonObject("leadTime").get("count").getAsInt()).isEqualTo(2);
        }
    }
}
