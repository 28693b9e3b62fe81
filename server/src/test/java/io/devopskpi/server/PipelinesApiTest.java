package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/pipelines} (issue 14, 3b): the pipelines that deployed anything or one application, which a
 * CI reading from this server needs to apply its own permissions.
 */
class PipelinesApiTest {
    private static TestServer server;

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        HttpResponse<String> stored = server.post("""
                [{"type":"deployment","id":"d1","application":"cart","environment":"production",
                  "started":"2026-01-20T10:00:00Z","finished":"2026-01-20T10:05:00Z","result":"SUCCESS",
                  "pipeline":"team-b/cart-deploy"},
                 {"type":"deployment","id":"d2","application":"cart","environment":"staging",
                  "started":"2026-01-21T10:00:00Z","finished":"2026-01-21T10:05:00Z","result":"FAILURE",
                  "pipeline":"team-a/cart-staging"},
                 {"type":"deployment","id":"d3","application":"shop","environment":"production",
                  "started":"2026-01-22T10:00:00Z","finished":"2026-01-22T10:05:00Z","result":"SUCCESS",
                  "pipeline":"team-a/shop-deploy"},
                 {"type":"deployment","id":"d4","application":"shop","environment":"production",
                  "started":"2026-01-23T10:00:00Z","finished":"2026-01-23T10:05:00Z","result":"SUCCESS",
                  "pipeline":"test/shop-by-mistake"},
                 {"type":"deployment","id":"d5","application":"shop","environment":"production",
                  "started":"2026-01-24T10:00:00Z","finished":"2026-01-24T10:05:00Z","result":"SUCCESS"},
                 {"type":"void","target":{"type":"deployment","id":"d4"},"reason":"a test job"}]""");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listsEveryPipelineThatDeployedSortedWithoutVoidedOnes() {
        JsonObject answer = json(server.get("/api/v1/pipelines"));
        assertThat(answer.getAsJsonArray("pipelines")).extracting(p -> p.getAsString())
                .containsExactly("team-a/cart-staging", "team-a/shop-deploy", "team-b/cart-deploy");
        assertThat(answer.get("total").getAsInt()).isEqualTo(3);
        assertThat(answer.get("limit").getAsInt()).isEqualTo(3);
    }

    @Test
    void anApplicationsPipelinesInEveryEnvironment() {
        assertThat(json(server.get("/api/v1/pipelines?application=cart")).getAsJsonArray("pipelines"))
                .extracting(p -> p.getAsString()).containsExactly("team-a/cart-staging", "team-b/cart-deploy");
        assertThat(json(server.get("/api/v1/pipelines?application=nothing")).getAsJsonArray("pipelines")).isEmpty();
    }

    @Test
    void pagesAndRefusesWhatItDoesNotTake() {
        JsonObject page = json(server.get("/api/v1/pipelines?offset=1&limit=1"));
        assertThat(page.getAsJsonArray("pipelines")).extracting(p -> p.getAsString())
                .containsExactly("team-a/shop-deploy");
        assertThat(page.get("total").getAsInt()).isEqualTo(3);
        HttpResponse<String> refused = server.get("/api/v1/pipelines?environment=production");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString())
                .isEqualTo("environment");
    }
}
