package io.devopskpi.core.api;

import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.minimalDeployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.testing.TestStores;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read API without HTTP; the server's *ApiTest classes cover every endpoint's JSON over HTTP. */
class ReadApiTest {
    private Store store;
    private ReadApi api;

    @BeforeEach
    void open() {
        store = TestStores.h2();
        new Ingestor(store, CLOCK).ingest(List.of(minimalDeployment("d1").build()));
        api = new ReadApi(store, new KpiService(store, KpiSettings.defaults(), CLOCK), CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void answersEveryEndpointOfTheDashboard() {
        assertThat(api.endpoints()).containsExactly("kpis", "trends", "applications", "teams", "suppliers",
                "deployments", "failed-changes", "incidents", "components", "export.csv", "assignments", "targets",
                "surveys", "policies", "comparison");
        for (String endpoint : api.endpoints()) {
            assertThat(api.answer(endpoint, Map.of()).status()).as(endpoint).isEqualTo(200);
        }
    }

    @Test
    void answersAScorecardByItsSupplierAndNothingDeeper() {
        ApiAnswer json = api.answer("scorecards/acme", Map.of("period", List.of("2026-Q1")));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).contains("\"supplier\":\"acme\"");
        ApiAnswer csv = api.answer("scorecards/acme.csv", Map.of("period", List.of("2026-Q1")));
        assertThat(csv.contentType()).isEqualTo(ReadApi.CSV_TYPE);
        assertThat(csv.attachment()).isEqualTo("scorecard.csv");
        assertThat(api.answer("scorecards/acme/x", Map.of()).status()).isEqualTo(404);
        assertThat(api.answer("scorecards/acme", Map.of("period", List.of("someday"))).status()).isEqualTo(400);
    }

    @Test
    void kpisAreJson() {
        ApiAnswer answer = api.answer("kpis", Map.of("application", List.of("shop"), "window", List.of("P30D")));
        assertThat(answer.contentType()).isEqualTo(ApiJson.CONTENT_TYPE);
        assertThat(answer.body()).contains("\"deploymentFrequency\"").contains("\"application\":\"shop\"");
        assertThat(answer.attachment()).isNull();
    }

    @Test
    void oneBadRequestNamesEveryRefusedParameter() {
        ApiAnswer answer = api.answer("trends", Map.of("window", List.of("soon"), "bucket", List.of("year")));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"window\"").contains("\"field\":\"bucket\"");
    }

    @Test
    void theExportIsACsvDownload() {
        ApiAnswer answer = api.answer("export.csv", Map.of());
        assertThat(answer.contentType()).isEqualTo(ReadApi.CSV_TYPE);
        assertThat(answer.attachment()).isEqualTo("devops-kpi-deployments.csv");
        assertThat(answer.body()).contains("d1");
    }

    @Test
    void unknownEndpointsAreNotFoundWithoutEchoingTheirName() {
        ApiAnswer answer = api.answer("events<script>", Map.of());
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"error\":\"Not Found\"}");
    }

    @Test
    void aReaderWhoSeesSomeApplicationsGetsOnlyThoseListedAndCounted() {
        new Ingestor(store, CLOCK).ingest(List.of(minimalDeployment("d2").application("billing").build(),
                minimalDeployment("d3").application("audit").build()));
        Map<String, List<String>> everything = Map.of("window", List.of("P3650D"));

        String all = api.answer("applications", everything).body();
        String some = api.answer("applications", Map.of("window", List.of("P3650D"), "limit", List.of("1")),
                application -> !application.equals("billing")).body();

        assertThat(all).contains("\"audit\"", "\"billing\"", "\"shop\"", "\"total\":3");
        // audit and shop are visible: total 2, and the first page of one holds audit (applications sort by name)
        assertThat(some).contains("\"audit\"", "\"total\":2").doesNotContain("billing", "\"shop\"");
    }
}
