package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/v1/components over real HTTP. */
class ComponentsApiTest {
    private static TestServer server;

    /**
     * January 2026: shop's latest SUCCESS uses lib 3.10.0 and base 1.0, search's lib 3.9.0, billing's base 2.0.
     * Newest: lib 3.10.0, base 2.0. Both components have two users, so both are shared.
     */
    @BeforeAll
    static void seed() {
        server = TestServer.start();
        String deployment = "{\"type\":\"deployment\",\"id\":\"%s\",\"application\":\"%s\",\"environment\":"
                + "\"production\",\"started\":\"2026-01-%sT09:50:00Z\",\"finished\":\"2026-01-%sT10:00:00Z\","
                + "\"result\":\"SUCCESS\",\"components\":[%s]}";
        String body = "[" + String.join(",",
                String.format(deployment, "d1", "shop", "05", "05", "{\"name\":\"lib\",\"version\":\"3.9.0\"}"),
                String.format(deployment, "d2", "shop", "10", "10",
                        "{\"name\":\"lib\",\"version\":\"3.10.0\"},{\"name\":\"base\",\"version\":\"1.0\"}"),
                String.format(deployment, "s1", "search", "08", "08", "{\"name\":\"lib\",\"version\":\"3.9.0\"}"),
                String.format(deployment, "b1", "billing", "09", "09", "{\"name\":\"base\",\"version\":\"2.0\"}"))
                + "]";
        assertThat(server.post(body).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void answersComponentsWithVersionsAndTheShareOnTheNewest() {
        HttpResponse<String> response = server.get("/api/v1/components?from=2026-01-01T00:00:00Z"
                + "&to=2026-02-01T00:00:00Z");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject json = TestServer.json(response);
        JsonObject base = json.getAsJsonArray("components").get(0).getAsJsonObject();
        JsonObject lib = json.getAsJsonArray("components").get(1).getAsJsonObject();
        assertThat(lib.get("name").getAsString()).isEqualTo("lib");
        // lib: shop 3.10.0, search 3.9.0 → 2 applications, 1 on the newest (3.10.0) → 0.5
        assertThat(lib.get("applications").getAsInt()).isEqualTo(2);
        assertThat(lib.getAsJsonObject("versions").get("3.9.0").getAsInt()).isEqualTo(1);
        assertThat(lib.get("onNewest").getAsDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(base.get("newestVersion").getAsString()).isEqualTo("2.0");
        // every application (shop, search, billing) uses a shared component → 3 ÷ 3
        assertThat(json.get("sharedComponentUse").getAsDouble()).isEqualTo(1.0);
        assertThat(json.get("applications").getAsInt()).isEqualTo(3);
    }

    @Test
    void aScopeWithoutApplicationsHasNoShareAndBadQueriesAreRefused() {
        JsonObject json = TestServer.json(server.get("/api/v1/components?team=nobody&from=2026-01-01T00:00:00Z"
                + "&to=2026-02-01T00:00:00Z"));
        assertThat(json.get("sharedComponentUse").isJsonNull()).isTrue();
        assertThat(json.getAsJsonArray("components")).isEmpty();
        HttpResponse<String> bad = server.get("/api/v1/components?bucket=week");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("bucket");
    }
}
