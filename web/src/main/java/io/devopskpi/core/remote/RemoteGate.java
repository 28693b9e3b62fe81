package io.devopskpi.core.remote;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.gate.GateStatus;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.ThresholdResult;
import io.devopskpi.core.json.GateJson;
import io.devopskpi.core.json.KpiJson;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.metric.Threshold;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A gate judged by the central server: its policies read from {@code GET /api/v1/policies}, the gate the step built
 * sent as {@code POST /api/v1/gate} (scope, the exact window, thresholds and options), and the server's verdict
 * read back into the same {@link GateVerdict} the controller's own store would give.
 */
final class RemoteGate {
    static final String GATE = "/api/v1/gate";
    static final String POLICIES = "/api/v1/policies";

    private final CentralServer server;

    RemoteGate(CentralServer server) {
        this.server = server;
    }

    /** The server's gate policies, asked when the step names one. */
    GatePolicyLookup policies() {
        return (name, now) -> definition(name).map(gate -> GateJson.parse(gate.toString(), now));
    }

    /** The names of the server's gate policies. */
    List<String> policyNames() {
        List<String> names = new ArrayList<>();
        for (JsonElement policy : policyList()) {
            names.add(policy.getAsJsonObject().get("name").getAsString());
        }
        return names;
    }

    private Optional<JsonObject> definition(String name) {
        for (JsonElement policy : policyList()) {
            JsonObject item = policy.getAsJsonObject();
            if (name.equals(item.get("name").getAsString())) {
                return Optional.of(item.getAsJsonObject("gate"));
            }
        }
        return Optional.empty();
    }

    private JsonArray policyList() {
        HttpResponse<String> response = server.get(POLICIES);
        server.requireAvailable(POLICIES, response);
        JsonObject answer = ServerAnswers.object(response.body());
        if (response.statusCode() != 200 || !answer.has("policies")) {
            throw new ServerUnavailableException(server.where(POLICIES) + " answered HTTP " + response.statusCode()
                    + ": " + ServerAnswers.error(response.body()));
        }
        return answer.getAsJsonArray("policies");
    }

    /**
     * The server's verdict on this gate.
     *
     * @throws IllegalArgumentException when the server refuses the gate (400), with its reason
     * @throws ServerUnavailableException when it cannot judge now
     */
    GateVerdict judge(KpiGate gate) {
        HttpResponse<String> response = server.postWithReadToken(GATE, request(gate).toString());
        server.requireAvailable(GATE, response);
        int status = response.statusCode();
        if (status == 400) {
            throw new IllegalArgumentException("the central server refused the gate: "
                    + ServerAnswers.error(response.body()));
        }
        JsonObject answer = ServerAnswers.object(response.body());
        if (status != 200 && status != 412 || !answer.has("status") || !answer.has("results")) {
            throw new ServerUnavailableException(server.where(GATE) + " answered HTTP " + status + ": "
                    + ServerAnswers.error(response.body()));
        }
        return verdict(gate, answer);
    }

    /** The gate as api.md's request: the window as the step fixed it ({@code from}, {@code to}, {@code zone}). */
    static JsonObject request(KpiGate gate) {
        KpiQuery query = gate.query();
        JsonObject json = new JsonObject();
        json.add("scope", KpiJson.scope(query));
        json.addProperty("from", query.from().toString());
        json.addProperty("to", query.to().toString());
        json.addProperty("zone", query.zone().getId());
        JsonArray thresholds = new JsonArray();
        for (Threshold threshold : gate.thresholds()) {
            JsonObject item = new JsonObject();
            item.addProperty("metric", threshold.metric().apiName());
            item.addProperty("operator", threshold.operator().symbol());
            item.addProperty("value", threshold.limit());
            if (threshold.minSamples() != null) {
                item.addProperty("minSamples", threshold.minSamples());
            }
            thresholds.add(item);
        }
        json.add("thresholds", thresholds);
        json.addProperty("minSamples", gate.minSamples());
        json.addProperty("failOnInsufficientData", gate.failOnInsufficientData());
        json.addProperty("onBreach", gate.onBreach().name());
        if (query.minSeverity() != null) {
            json.addProperty("minSeverity", query.minSeverity().name().toLowerCase(Locale.ROOT));
        }
        return json;
    }

    /** The answer as a verdict on the gate that was sent (its results in the order of its thresholds). */
    static GateVerdict verdict(KpiGate gate, JsonObject answer) {
        JsonArray items = answer.getAsJsonArray("results");
        if (items.size() != gate.thresholds().size()) {
            throw new ServerUnavailableException("the central server judged " + items.size() + " thresholds of "
                    + gate.thresholds().size() + ": is it another version?");
        }
        List<ThresholdResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.get(i).getAsJsonObject();
            results.add(new ThresholdResult(gate.thresholds().get(i), number(item.get("actual")),
                    item.get("samples") == null || item.get("samples").isJsonNull() ? null
                            : item.get("samples").getAsInt(),
                    GateStatus.valueOf(item.get("status").getAsString()), item.get("message").getAsString()));
        }
        return new GateVerdict(gate, GateStatus.valueOf(answer.get("status").getAsString()), results,
                answer.get("message").getAsString());
    }

    private static Double number(JsonElement element) {
        return element == null || element.isJsonNull() ? null : element.getAsDouble();
    }
}
