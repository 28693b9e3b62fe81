package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 8 and issue 13: bodies nested far deeper than any event or gate (which answered 500 and logged
 * 80 KB of stack trace) and JSON objects with a key given twice (where the last value silently won) are refused
 * with 400 naming the body or the key, on every endpoint that takes a body, and nothing is stored.
 */
class HostileJsonApiTest {
    private static final String DEPLOYMENT = "{\"type\":\"deployment\",\"id\":\"d-%s\",\"application\":\"shop\","
            + "\"environment\":\"production\",\"started\":\"2026-01-05T10:00:00Z\","
            + "\"finished\":\"2026-01-05T10:07:00Z\",\"result\":\"SUCCESS\"%s}";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eventsNested100000LevelsDeepAre400NamingTheBody() {
        for (String body : new String[] {"[".repeat(100_000) + "]".repeat(100_000),
                "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000), "[".repeat(100_000),
                String.format(DEPLOYMENT, "deep", ",\"changes\":" + "[".repeat(100_000) + "]".repeat(100_000))}) {
            HttpResponse<String> response = server.post(body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            JsonObject error = json(response).getAsJsonArray("errors").get(0).getAsJsonObject();
            assertThat(error.get("field").getAsString()).isEqualTo("body");
            assertThat(error.get("message").getAsString()).contains("nested more than 64 levels deep");
        }
        assertThat(server.storedEvents()).isZero();
    }

    @Test
    void aGateNestedDeepIs400NamingTheBody() {
        // 20,000 levels: as deep as the gate's 64 KiB body limit allows (deeper bodies are 413, too large)
        for (String body : new String[] {"[".repeat(20_000) + "]".repeat(20_000),
                "{\"scope\":" + "{\"a\":".repeat(6_000) + "1" + "}".repeat(6_001)}) {
            HttpResponse<String> response = gate(body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            JsonObject error = json(response).getAsJsonArray("errors").get(0).getAsJsonObject();
            assertThat(error.get("field").getAsString()).isEqualTo("body");
            assertThat(error.get("message").getAsString()).contains("nested more than 64 levels deep");
        }
    }

    @Test
    void aDuplicateKeyIsRefusedNamingTheKeyAndTheEvent() {
        HttpResponse<String> response = server.post(String.format(DEPLOYMENT, "1", ",\"application\":\"cart\""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = json(response).getAsJsonArray("errors").get(0).getAsJsonObject();
        assertThat(error.get("index").getAsInt()).isZero();
        assertThat(error.get("field").getAsString()).isEqualTo("application");
        assertThat(error.get("message").getAsString()).startsWith("duplicate key 'application'");
        assertThat(server.storedEvents()).isZero();
    }

    @Test
    void aDuplicateKeyAtAnyDepthOfABatchIsRefusedAndNothingIsStored() {
        String changes = ",\"changes\":[{\"id\":\"c1\",\"committed\":\"2026-01-04T09:00:00Z\"},"
                + "{\"id\":\"c2\",\"committed\":\"2026-01-04T09:00:00Z\",\"id\":\"c3\"}]";
        HttpResponse<String> response = server.post("[" + String.format(DEPLOYMENT, "2", "") + ","
                + String.format(DEPLOYMENT, "3", changes) + "]");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = json(response).getAsJsonArray("errors").get(0).getAsJsonObject();
        assertThat(error.get("index").getAsInt()).isEqualTo(1);
        assertThat(error.get("field").getAsString()).isEqualTo("changes[1].id");
        assertThat(error.get("message").getAsString()).startsWith("duplicate key 'id'");
        assertThat(server.storedEvents()).isZero();

        HttpResponse<String> policy = server.post("{\"type\":\"policy\",\"name\":\"p\",\"gate\":{\"window\":\"P30D\","
                + "\"thresholds\":[{\"metric\":\"changeSuccessRate\",\"operator\":\">=\",\"value\":0.9}],"
                + "\"window\":\"P1D\"}}");
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(400);
        assertThat(json(policy).getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString())
                .isEqualTo("gate.window");
        assertThat(server.rows("gate_policy")).isZero();
    }

    @Test
    void aGateWithADuplicateKeyIsRefusedNamingTheKey() {
        HttpResponse<String> response = gate("{\"scope\":{\"application\":\"shop\",\"application\":\"cart\"},"
                + "\"thresholds\":[{\"metric\":\"changeSuccessRate\",\"operator\":\">=\",\"value\":0.9}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = json(response).getAsJsonArray("errors").get(0).getAsJsonObject();
        assertThat(error.get("field").getAsString()).isEqualTo("scope.application");
        assertThat(error.get("message").getAsString()).startsWith("duplicate key 'application'");
    }

    private static HttpResponse<String> gate(String body) {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/gate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
