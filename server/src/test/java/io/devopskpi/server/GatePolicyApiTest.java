package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gates by policy over {@link GovernanceFixture}, through HTTP and the command line. The server's clock is
 * 2026-02-01T12:00, so a 30-day window starts 2026-01-02T12:00 and holds all ten January deployments.
 */
class GatePolicyApiTest {
    private static TestServer server;

    @BeforeAll
    static void seed() {
        server = GovernanceFixture.seededServer();
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

    private static List<String> errorFields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(response).getAsJsonArray("errors").forEach(e -> fields.add(e.getAsJsonObject().get("field")
                .getAsString()));
        return fields;
    }

    @Test
    void listsStoredAndContractDerivedPolicies() {
        JsonArray policies = json(server.get("/api/v1/policies")).getAsJsonArray("policies");
        assertThat(policies).extracting(p -> p.getAsJsonObject().get("name").getAsString())
                .containsExactly("contract-acme", "needs-data", "release-shop");
        JsonObject contract = policies.get(0).getAsJsonObject();
        assertThat(contract.get("derived").getAsBoolean()).isTrue();
        // monthly targets: a 30-day window; each threshold keeps its target's minimum
        assertThat(contract.getAsJsonObject("gate").get("window").getAsString()).isEqualTo("P30D");
        assertThat(contract.getAsJsonObject("gate").getAsJsonArray("thresholds").get(0).getAsJsonObject()
                .get("minSamples").getAsInt()).isEqualTo(10);
    }

    @Test
    void aContractPolicyJudgesTheSuppliersTargets() {
        // success rate 0.8 ≥ 0.8 (10 samples ≥ 10) passes; time to restore mean 1 d > 12 h fails
        HttpResponse<String> response = gate("{\"policy\":\"contract-acme\"}");
        assertThat(response.statusCode()).isEqualTo(412);
        JsonObject verdict = json(response);
        assertThat(verdict.get("status").getAsString()).isEqualTo("FAILED");
        assertThat(verdict.getAsJsonObject("scope").get("supplier").getAsString()).isEqualTo("acme");
        assertThat(verdict.getAsJsonArray("results")).extracting(r -> r.getAsJsonObject().get("status")
                .getAsString()).containsExactly("PASSED", "FAILED");
    }

    @Test
    void storedPoliciesPassFailAndLackData() {
        // release-shop: 0.8 < 0.9 → FAILED (412)
        assertThat(gate("{\"policy\":\"release-shop\"}").statusCode()).isEqualTo(412);
        // needs-data: 10 deployments < 50 → INSUFFICIENT_DATA (200), 412 once missing data fails the gate
        HttpResponse<String> insufficient = gate("{\"policy\":\"needs-data\"}");
        assertThat(insufficient.statusCode()).isEqualTo(200);
        assertThat(json(insufficient).get("status").getAsString()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(gate("{\"policy\":\"needs-data\",\"failOnInsufficientData\":true}").statusCode()).isEqualTo(412);
        HttpResponse<String> early = gate("{\"policy\":\"release-shop\",\"from\":\"2026-01-05T00:00:00Z\","
                + "\"to\":\"2026-01-07T00:00:00Z\"}");
        // release-shop over [Jan 5, Jan 7): Jan 5 and 6 only, 2 of 2 succeeded → PASSED
        assertThat(early.statusCode()).isEqualTo(200);
        assertThat(json(early).get("status").getAsString()).isEqualTo("PASSED");
    }

    @Test
    void badGatesAreAnsweredWithTheirField() {
        assertThat(errorFields(gate("{\"policy\":\"release-web\"}"))).containsExactly("policy");
        assertThat(errorFields(gate("{\"policy\":\"release-shop\",\"scope\":{\"application\":\"x\"}}")))
                .containsExactly("scope");
        assertThat(errorFields(gate("{\"thresholds\":[{\"metric\":\"happiness\",\"operator\":\">=\",\"value\":1},"
                + "{\"metric\":\"reworkRate\",\"operator\":\"=<\",\"value\":0.1},"
                + "{\"metric\":\"timeToRestoreMean\",\"operator\":\"<=\",\"value\":\"4 hours\"}]}")))
                .containsExactly("thresholds[0].metric", "thresholds[1].operator", "thresholds[2].value");
        // a policy is checked when it is stored: its gate's fields are named under "gate"
        HttpResponse<String> stored = server.post("{\"type\":\"policy\",\"name\":\"broken\",\"gate\":{"
                + "\"window\":\"a while\",\"thresholds\":[{\"metric\":\"speed\",\"operator\":\">=\",\"value\":1}]}}");
        assertThat(stored.statusCode()).isEqualTo(400);
        assertThat(json(stored).getAsJsonArray("errors")).extracting(e -> e.getAsJsonObject().get("field")
                .getAsString()).containsExactlyInAnyOrder("gate.window", "gate.thresholds[0].metric");
    }

    @Test
    void theCommandLineGateTakesAPolicy() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        GateCommand command = new GateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HttpClient.newHttpClient());
        String url = server.server.baseUrl();
        assertThat(command.run(List.of("--server", url, "--policy", "contract-acme"))).isEqualTo(GateCommand.BREACHED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("FAILED            time to restore (mean) 1d (2 restores) is above 12h");
        assertThat(command.run(List.of("--server", url, "--policy", "release-shop", "--from",
                "2026-01-05T00:00:00Z", "--to", "2026-01-07T00:00:00Z"))).isEqualTo(GateCommand.PASSED);
        assertThat(command.run(List.of("--server", url, "--policy", "needs-data"))).isEqualTo(GateCommand.PASSED);
        assertThat(command.run(List.of("--server", url, "--policy", "needs-data", "--fail-on-insufficient-data")))
                .isEqualTo(GateCommand.BREACHED);
        assertThat(command.run(List.of("--server", url, "--policy", "nope"))).isEqualTo(GateCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("policy: no gate policy named 'nope'");
        assertThat(command.run(List.of("--server", url, "--policy", "release-shop", "--threshold",
                "reworkRate < 0.1"))).isEqualTo(GateCommand.USAGE);
    }
}
