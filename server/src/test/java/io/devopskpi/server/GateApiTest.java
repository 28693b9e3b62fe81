package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/v1/gate over real HTTP: verdicts, status codes, and bad gates named by field. */
class GateApiTest {
    private static TestServer server;

    /** See {@link GateFixture} for the data and its KPIs. */
    @BeforeAll
    static void seed() {
        server = GateFixture.seededServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> gate(String body) {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/gate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String body(String thresholds, String extra) {
        return "{\"scope\":{\"application\":\"shop\",\"environment\":\"production\"},"
                + "\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-02-01T00:00:00Z\",\"thresholds\":[" + thresholds
                + "]" + extra + "}";
    }

    @Test
    void aBreachedThresholdAnswers412WithEveryResult() {
        HttpResponse<String> response = gate(body("{\"metric\":\"changeSuccessRate\",\"operator\":\">=\","
                + "\"value\":0.9},{\"metric\":\"timeToRestoreMedian\",\"operator\":\"<=\",\"value\":\"4h\"}", ""));

        assertThat(response.statusCode()).isEqualTo(412);
        JsonObject verdict = TestServer.json(response);
        assertThat(verdict.get("status").getAsString()).isEqualTo("FAILED");
        JsonObject rate = verdict.getAsJsonArray("results").get(0).getAsJsonObject();
        assertThat(rate.get("actual").getAsDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(rate.get("samples").getAsInt()).isEqualTo(10);
        assertThat(rate.get("status").getAsString()).isEqualTo("FAILED");
        assertThat(rate.get("message").getAsString())
                .isEqualTo("change success rate 0.8 (10 deployments) is below 0.9");
        JsonObject restore = verdict.getAsJsonArray("results").get(1).getAsJsonObject();
        // "4h" = 14,400 s; actual median 86,400 s
        assertThat(restore.get("threshold").getAsDouble()).isEqualTo(14_400);
        assertThat(restore.get("actual").getAsDouble()).isEqualTo(86_400);
        assertThat(restore.get("samples").getAsInt()).isEqualTo(2);
        assertThat(restore.get("message").getAsString())
                .isEqualTo("time to restore (median) 1d (2 restores) is above 4h");
        assertThat(verdict.get("message").getAsString()).startsWith("FAILED: 2 of 2 thresholds breached");
    }

    @Test
    void metThresholdsPassWith200() {
        HttpResponse<String> response = gate(body("{\"metric\":\"changeFailureRate\",\"operator\":\"<=\","
                + "\"value\":0.2},{\"metric\":\"timeToRestoreMedian\",\"operator\":\"<=\",\"value\":\"P2D\"}",
                ",\"minSamples\":2,\"onBreach\":\"UNSTABLE\""));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject verdict = TestServer.json(response);
        assertThat(verdict.get("status").getAsString()).isEqualTo("PASSED");
        assertThat(verdict.get("onBreach").getAsString()).isEqualTo("UNSTABLE");
    }

    @Test
    void tooFewSamplesIsInsufficientDataAnd412OnlyWhenTheGateSaysSo() {
        // 10 deployments < minSamples 20; time to detect has no value at all
        String thresholds = "{\"metric\":\"changeSuccessRate\",\"operator\":\">=\",\"value\":0.9},"
                + "{\"metric\":\"timeToDetectMean\",\"operator\":\"<=\",\"value\":600}";
        HttpResponse<String> lenient = gate(body(thresholds, ",\"minSamples\":20"));
        assertThat(lenient.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(lenient).get("status").getAsString()).isEqualTo("INSUFFICIENT_DATA");
        JsonObject detect = TestServer.json(lenient).getAsJsonArray("results").get(1).getAsJsonObject();
        assertThat(detect.get("actual").isJsonNull()).isTrue();
        assertThat(detect.get("samples").getAsInt()).isZero();

        HttpResponse<String> strict = gate(body(thresholds, ",\"minSamples\":20,\"failOnInsufficientData\":true"));
        assertThat(strict.statusCode()).isEqualTo(412);
        assertThat(TestServer.json(strict).get("status").getAsString()).isEqualTo("INSUFFICIENT_DATA");
    }

    @Test
    void badGatesAreRefusedNamingTheField() {
        assertError(gate(body("{\"metric\":\"happiness\",\"operator\":\">=\",\"value\":0.9}", "")),
                "thresholds[0].metric", "happiness");
        assertError(gate(body("{\"metric\":\"changeSuccessRate\",\"operator\":\"=>\",\"value\":0.9}", "")),
                "thresholds[0].operator", "=>");
        assertError(gate(body("{\"metric\":\"timeToRestoreMedian\",\"operator\":\"<=\",\"value\":\"4 hours\"}",
                "")), "thresholds[0].value", "4 hours");
        assertError(gate(body("{\"metric\":\"changeSuccessRate\",\"operator\":\">=\",\"value\":90}", "")),
                "thresholds[0].value", "fraction");
        assertError(gate(body("{\"metric\":\"changeSuccessRate\",\"operator\":\">=\",\"value\":0.9,\"x\":1}", "")),
                "thresholds[0].x", "unknown field");
        assertError(gate(body("{\"metric\":\"changeSuccessRate\",\"operator\":\">=\",\"value\":0.9}",
                ",\"onBreach\":\"EXPLODE\"")), "onBreach", "EXPLODE");
        assertError(gate(body("{\"metric\":\"changeSuccessRate\",\"operator\":\">=\",\"value\":0.9}",
                ",\"minSamples\":-1")), "minSamples", "-1");
        assertError(gate("{\"window\":\"3 weeks\",\"thresholds\":[{\"metric\":\"reworkRate\",\"operator\":\"<\","
                + "\"value\":0.1}]}"), "window", "3 weeks");
        assertError(gate("{\"scope\":{\"application\":\"shop\",\"team\":\"web\"},\"thresholds\":[{\"metric\":"
                + "\"reworkRate\",\"operator\":\"<\",\"value\":0.1}]}"), "scope.team", "at most one");
        assertError(gate("{\"scope\":{\"application\":\"shop\"}}"), "thresholds", "required");
        assertError(gate("not json"), "body", "JSON");
    }

    private static void assertError(HttpResponse<String> response, String field, String text) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = TestServer.json(response).getAsJsonArray("errors").get(0).getAsJsonObject();
        assertThat(error.get("field").getAsString()).as(response.body()).isEqualTo(field);
        assertThat(error.get("message").getAsString()).as(response.body()).contains(text);
    }
}
