package io.devopskpi.core.api;

import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.minimalDeployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.testing.TestStores;
import java.time.Instant;
import java.util.HashMap;
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
                "surveys", "policies", "comparison", "pipelines");
        for (String endpoint : api.endpoints()) {
            assertThat(api.answer(endpoint, Map.of()).status()).as(endpoint).isEqualTo(200);
        }
    }

    @Test
    void knowsItsEndpointsWithoutAStore() {
        assertThat(api.endpoints()).allMatch(ReadApi::isEndpoint);
        assertThat(ReadApi.isEndpoint("scorecards/acme")).isTrue();
        assertThat(ReadApi.isEndpoint("scorecards/acme/x")).isFalse();
        assertThat(ReadApi.isEndpoint("backup")).isFalse();
        assertThat(ReadApi.isEndpoint("health")).isFalse();
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
        assertThat(answer.body()).isEqualTo("{\"error\":\"Not Found\",\"errors\":[{\"field\":null,\"message\":\"Not Found\"}]}");
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

    /**
     * The lists' filters that make a list's total a figure's sample (the dashboard's drill-down): {@code result=SUCCESS}
     * counts deployment frequency's deployments, {@code tag=} keeps the tagged applications as /kpis does,
     * {@code startedInWindow=true} keeps the incidents time to resolve counts (not those that started before).
     */
    @Test
    void theListsFilterSoThatTheirTotalsAreTheKpisSamples() {
        new Ingestor(store, CLOCK).ingest(List.of(
                minimalDeployment("d2").result(DeploymentResult.FAILURE).started(Instant.parse("2026-01-06T10:00:00Z"))
                        .finished(Instant.parse("2026-01-06T10:07:00Z")).build(),
                minimalDeployment("d3").application("billing").started(Instant.parse("2026-01-07T10:00:00Z"))
                        .finished(Instant.parse("2026-01-07T10:07:00Z")).build(),
                new Incident("i-old", "shop", "production", Instant.parse("2025-12-01T00:00:00Z"), null, null, null,
                        null, null, null),
                new Incident("i-new", "shop", "production", Instant.parse("2026-01-08T00:00:00Z"),
                        Instant.parse("2026-01-08T00:10:00Z"), Instant.parse("2026-01-08T12:00:00Z"), null, null, null,
                        null),
                new ApplicationProfile("shop", List.of("web"))));

        // d1 and d3 succeeded, d2 failed: 2 deployments, 1 of them tagged web
        assertThat(total("deployments", "result", "SUCCESS")).isEqualTo(2)
                .isEqualTo(kpis().getAsJsonObject("deploymentFrequency").get("deployments").getAsLong());
        assertThat(total("deployments", "result", "SUCCESS", "tag", "web")).isEqualTo(1)
                .isEqualTo(kpis("tag", "web").getAsJsonObject("deploymentFrequency").get("deployments").getAsLong());
        assertThat(total("deployments", "tag", "web")).isEqualTo(2);
        assertThat(total("deployments")).isEqualTo(3);
        // d2 (FAILURE) is shop's failed change; billing has none; no application is tagged "none"
        assertThat(total("failed-changes", "tag", "web")).isEqualTo(1)
                .isEqualTo(kpis("tag", "web").getAsJsonObject("changeFailureRate").get("failed").getAsLong());
        assertThat(total("failed-changes", "tag", "none")).isZero();
        // i-old started before the window and is still open: it overlaps the window but is not one of its incidents
        JsonObject resolve = kpis().getAsJsonObject("timeToResolve");
        assertThat(total("incidents")).isEqualTo(2);
        assertThat(total("incidents", "startedInWindow", "true")).isEqualTo(1)
                .isEqualTo(resolve.get("count").getAsLong() + resolve.get("open").getAsLong());
        assertThat(total("incidents", "startedInWindow", "true", "tag", "none")).isZero();

        String csv = api.answer("export.csv", query("result", "SUCCESS", "tag", "web")).body();
        assertThat(csv).contains("d1").doesNotContain("d2").doesNotContain("d3");

        ApiAnswer refused = api.answer("deployments", query("result", "DONE"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"result\"");
        ApiAnswer maybe = api.answer("incidents", query("startedInWindow", "maybe"));
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(maybe.body()).contains("\"field\":\"startedInWindow\"");
    }

    private long total(String endpoint, String... pairs) {
        ApiAnswer answer = api.answer(endpoint, query(pairs));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JsonParser.parseString(answer.body()).getAsJsonObject().get("total").getAsLong();
    }

    private JsonObject kpis(String... pairs) {
        return JsonParser.parseString(api.answer("kpis", query(pairs)).body()).getAsJsonObject();
    }

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new HashMap<>();
        query.put("window", List.of("P30D"));
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], List.of(pairs[i + 1]));
        }
        return query;
    }
}
