package io.devopskpi.core.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.gate.GateOverrides;
import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.OnBreach;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.metric.Threshold;
import io.devopskpi.core.model.Severity;
import io.devopskpi.core.gate.ThresholdResult;
import io.devopskpi.core.gate.ThresholdText;
import io.devopskpi.core.kpi.InvalidQueryException;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiQueryParser;
import io.devopskpi.core.kpi.QueryError;
import io.devopskpi.core.text.Excerpt;
import io.devopskpi.core.text.TimeText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The gate of {@code POST /api/v1/gate} (api.md, "Gate") read strictly from JSON, and its verdict written back.
 * Every problem is reported with its field, e.g. {@code thresholds[1].operator}.
 */
public final class GateJson {
    private static final Set<String> TOP = Set.of("scope", "window", "from", "to", "zone", "thresholds", "minSamples",
            "failOnInsufficientData", "onBreach", "minSeverity");
    private static final Set<String> SCOPE = Set.of("application", "team", "supplier", "environment");
    private static final Set<String> THRESHOLD = Set.of("metric", "operator", "value", "minSamples");
    /** What a request naming a policy may add ({@link GateOverrides}): never a scope or thresholds. */
    private static final Set<String> WITH_POLICY = Set.of("policy", "window", "from", "to", "zone", "onBreach",
            "failOnInsufficientData", "minSamples", "minSeverity");
    private static final List<String> WINDOW_FIELDS = List.of("window", "from", "to");
    /**
     * Checking a stored definition consults no clock: this stands in for "now", so a window is checked for its
     * form only (the evaluation checks it against the clock again).
     */
    private static final Instant DEFINITION_CHECK_TIME = Instant.parse("9999-01-01T00:00:00Z");

    private final List<QueryError> errors = new ArrayList<>();

    private GateJson() {
    }

    /**
     * @throws InvalidQueryException listing every problem of the body
     */
    public static KpiGate parse(String body, Instant now) {
        GateJson reader = new GateJson();
        return reader.gate(reader.object(body), now);
    }

    /**
     * A gate body that may name a policy instead of thresholds: {@code {"policy": "release-shop"}}, optionally
     * with {@code window} or {@code from} + {@code to}, {@code zone}, {@code minSamples}, {@code onBreach} and
     * {@code failOnInsufficientData} replacing the policy's ({@link GateOverrides}, as for {@code kpiGate}).
     *
     * @param policies the gate of a policy name, or empty when there is no such policy
     * @throws InvalidQueryException listing every problem of the body, or naming {@code policy} when unknown
     */
    public static KpiGate parse(String body, Instant now, GatePolicyLookup policies) {
        GateJson reader = new GateJson();
        JsonObject json = reader.object(body);
        if (!json.has("policy")) {
            return reader.gate(json, now);
        }
        reader.unknown(json, WITH_POLICY, "");
        String name = reader.string(json, "policy", "policy");
        GateOverrides overrides = reader.overrides(json);
        Severity minimum = reader.minSeverity(reader.string(json, "minSeverity", "minSeverity"));
        if (!reader.errors.isEmpty()) {
            throw new InvalidQueryException(reader.errors);
        }
        if (name == null) {
            throw new InvalidQueryException(List.of(new QueryError("policy", "policy must name a gate policy")));
        }
        KpiGate policy = policies.gate(name, now).orElseThrow(() -> new InvalidQueryException(List.of(
                new QueryError("policy", "no gate policy named " + Excerpt.quoted(name) + " (GET /api/v1/policies "
                        + "lists them)"))));
        KpiGate gate = overrides.applyTo(policy, now);
        return minimum == null ? gate : new KpiGate(gate.query().withMinSeverity(minimum), gate.thresholds(),
                gate.minSamples(), gate.failOnInsufficientData(), gate.onBreach());
    }

    /** The arguments given with a policy; each absent one is null. */
    private GateOverrides overrides(JsonObject json) {
        Integer minSamples = json.has("minSamples") && !json.get("minSamples").isJsonNull()
                ? minSamples(json.get("minSamples"), "minSamples") : null;
        Boolean failOnInsufficient = json.has("failOnInsufficientData")
                && !json.get("failOnInsufficientData").isJsonNull() ? bool(json.get("failOnInsufficientData")) : null;
        String breach = string(json, "onBreach", "onBreach");
        return new GateOverrides(string(json, "window", "window"), string(json, "from", "from"),
                string(json, "to", "to"), string(json, "zone", "zone"), minSamples, failOnInsufficient,
                breach == null ? null : onBreach(breach));
    }

    /** Every problem of a gate definition (a stored policy's gate), without consulting the clock. */
    public static List<QueryError> check(JsonObject definition) {
        GateJson reader = new GateJson();
        try {
            reader.gate(definition, DEFINITION_CHECK_TIME);
            return List.of();
        } catch (InvalidQueryException e) {
            return e.errors();
        }
    }

    private KpiGate gate(JsonObject json, Instant now) {
        unknown(json, TOP, "");
        Map<String, List<String>> query = new LinkedHashMap<>();
        JsonElement scope = json.get("scope");
        if (scope != null && !scope.isJsonNull()) {
            if (scope.isJsonObject()) {
                unknown(scope.getAsJsonObject(), SCOPE, "scope.");
                for (String name : SCOPE) {
                    String value = string(scope.getAsJsonObject(), name, "scope." + name);
                    if (value != null) {
                        query.put(name, List.of(value));
                    }
                }
            } else {
                errors.add(new QueryError("scope", "scope must be an object such as {\"application\": \"shop\", "
                        + "\"environment\": \"production\"}, got " + describe(scope)));
            }
        }
        String window = string(json, "window", "window");
        if (window != null) {
            try {
                // "30d" and ISO-8601 alike; the KPI query reads ISO-8601
                query.put("window", List.of(TimeText.duration(window).toString()));
            } catch (IllegalArgumentException e) {
                errors.add(new QueryError("window", "window " + e.getMessage()));
            }
        }
        for (String name : List.of("from", "to", "zone")) {
            String value = string(json, name, name);
            if (value != null) {
                query.put(name, List.of(value));
            }
        }
        KpiQuery kpiQuery = null;
        try {
            kpiQuery = KpiQueryParser.parse(query, now);
        } catch (InvalidQueryException e) {
            for (QueryError error : e.errors()) {
                String field = SCOPE.contains(error.field()) ? "scope." + error.field() : error.field();
                errors.add(new QueryError(field, error.message()));
            }
        }
        Severity minimum = minSeverity(string(json, "minSeverity", "minSeverity"));
        List<Threshold> thresholds = thresholds(json.get("thresholds"));
        int minSamples = minSamples(json.get("minSamples"), "minSamples");
        boolean failOnInsufficient = bool(json.get("failOnInsufficientData"));
        OnBreach onBreach = onBreach(string(json, "onBreach", "onBreach"));
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new KpiGate(minimum == null ? kpiQuery : kpiQuery.withMinSeverity(minimum), thresholds, minSamples,
                failOnInsufficient, onBreach);
    }

    /** {@code minSeverity} (metrics.md, "Severity"): critical, major or minor; null when absent or refused. */
    private Severity minSeverity(String text) {
        if (text == null) {
            return null;
        }
        Severity minimum = Severity.minimum(text).orElse(null);
        if (minimum == null) {
            errors.add(new QueryError("minSeverity", "minSeverity must be critical, major or minor, got "
                    + Excerpt.quoted(text)));
        }
        return minimum;
    }

    private JsonObject object(String body) {
        JsonElement json;
        try {
            json = body == null || body.isBlank() ? null : StrictJson.parse(body);
        } catch (StrictJson.Refused e) {
            String field = e.path().isEmpty() ? "body" : StrictJson.field(e.path());
            throw new InvalidQueryException(List.of(new QueryError(field, e.getMessage())));
        }
        if (json == null || !json.isJsonObject()) {
            throw new InvalidQueryException(List.of(new QueryError("body", "the body must be a JSON object with "
                    + "scope, window and thresholds, got " + (json == null ? "nothing" : describe(json)))));
        }
        return json.getAsJsonObject();
    }

    private List<Threshold> thresholds(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            errors.add(new QueryError("thresholds", "thresholds is required (or \"policy\" naming a gate policy): "
                    + "a list such as [{\"metric\": \"changeSuccessRate\", \"operator\": \">=\", \"value\": 0.9}]"));
            return List.of();
        }
        if (!value.isJsonArray() || value.getAsJsonArray().isEmpty()) {
            errors.add(new QueryError("thresholds", "thresholds must be a non-empty array, got " + describe(value)));
            return List.of();
        }
        JsonArray array = value.getAsJsonArray();
        List<Threshold> thresholds = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "thresholds[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                errors.add(new QueryError(path, path + " must be an object, got " + describe(array.get(i))));
                continue;
            }
            Threshold threshold = threshold(array.get(i).getAsJsonObject(), path);
            if (threshold != null) {
                thresholds.add(threshold);
            }
        }
        return thresholds;
    }

    private Threshold threshold(JsonObject json, String path) {
        unknown(json, THRESHOLD, path + ".");
        String metricName = string(json, "metric", path + ".metric");
        String operatorSymbol = string(json, "operator", path + ".operator");
        GateMetric metric = metricName == null ? null : GateMetric.byApiName(metricName);
        if (metricName == null) {
            errors.add(new QueryError(path + ".metric", path + ".metric is required"));
        } else if (metric == null) {
            errors.add(new QueryError(path + ".metric", path + ".metric must be one of " + GateMetric.apiNames()
                    + ", got " + Excerpt.quoted(metricName)));
        }
        Operator operator = operatorSymbol == null ? null : Operator.bySymbol(operatorSymbol);
        if (operatorSymbol == null) {
            errors.add(new QueryError(path + ".operator", path + ".operator is required"));
        } else if (operator == null) {
            errors.add(new QueryError(path + ".operator", path + ".operator must be one of >=, >, <=, <, got "
                    + Excerpt.quoted(operatorSymbol)));
        }
        JsonElement value = json.get("value");
        if (value == null || value.isJsonNull()) {
            errors.add(new QueryError(path + ".value", path + ".value is required"));
            return null;
        }
        if (!value.isJsonPrimitive() || value.getAsJsonPrimitive().isBoolean()) {
            errors.add(new QueryError(path + ".value", path + ".value must be a number or a duration such as \"4h\", "
                    + "got " + describe(value)));
            return null;
        }
        if (metric == null || operator == null) {
            return null;
        }
        try {
            String text = value.getAsJsonPrimitive().isNumber() ? value.getAsBigDecimal().toPlainString()
                    : value.getAsString();
            if (value.getAsJsonPrimitive().isString() && metric.unit() != GateMetric.Unit.SECONDS) {
                throw new IllegalArgumentException(metric.apiName() + " takes a number"
                        + (metric.unit() == GateMetric.Unit.FRACTION ? " from 0 to 1 (0.9, not \"90%\")" : "")
                        + ", got string " + Excerpt.quoted(text));
            }
            Integer own = json.has("minSamples") && !json.get("minSamples").isJsonNull()
                    ? minSamples(json.get("minSamples"), path + ".minSamples") : null;
            return new Threshold(metric, operator, ThresholdText.value(metric, text), own);
        } catch (IllegalArgumentException e) {
            errors.add(new QueryError(path + ".value", path + ".value: " + e.getMessage()));
            return null;
        }
    }

    private int minSamples(JsonElement value, String path) {
        if (value == null || value.isJsonNull()) {
            return 0;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            double number = value.getAsDouble();
            if (number >= 0 && number == Math.rint(number) && number <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        errors.add(new QueryError(path, path + " must be a whole number of at least 0, got " + describe(value)));
        return 0;
    }

    private boolean bool(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return false;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()) {
            return value.getAsBoolean();
        }
        errors.add(new QueryError("failOnInsufficientData", "failOnInsufficientData must be true or false, got "
                + describe(value)));
        return false;
    }

    private OnBreach onBreach(String text) {
        if (text == null) {
            return OnBreach.FAILURE;
        }
        for (OnBreach value : OnBreach.values()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        errors.add(new QueryError("onBreach", "onBreach must be one of FAILURE, UNSTABLE, WARNING, got "
                + Excerpt.quoted(text)));
        return OnBreach.FAILURE;
    }

    private String string(JsonObject json, String name, String path) {
        JsonElement value = json.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return value.getAsString();
        }
        errors.add(new QueryError(path, path + " must be a string, got " + describe(value)));
        return null;
    }

    private void unknown(JsonObject json, Set<String> known, String prefix) {
        for (String name : json.keySet()) {
            if (!known.contains(name)) {
                String field = prefix + Excerpt.cut(name, Excerpt.MAX_VALUE);
                errors.add(new QueryError(field, "unknown field " + Excerpt.quoted(prefix + name) + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")"));
            }
        }
    }

    private static String describe(JsonElement value) {
        return JsonFields.describe(value);
    }

    /** The verdict as api.md answers it: status, one result per threshold, and a message. */
    public static JsonObject toJson(GateVerdict verdict) {
        JsonObject json = new JsonObject();
        json.addProperty("status", verdict.status().name());
        json.add("scope", KpiJson.scope(verdict.gate().query()));
        json.add("window", KpiJson.window(verdict.gate().query()));
        JsonArray results = new JsonArray();
        for (ThresholdResult result : verdict.results()) {
            JsonObject item = new JsonObject();
            item.addProperty("metric", result.threshold().metric().apiName());
            item.addProperty("operator", result.threshold().operator().symbol());
            item.addProperty("threshold", result.threshold().value());
            item.add("actual", result.actual() == null ? JsonNull.INSTANCE : new JsonPrimitive(result.actual()));
            item.addProperty("unit", MetricUnit.of(result.threshold().metric()));
            item.add("samples", result.samples() == null ? JsonNull.INSTANCE : new JsonPrimitive(result.samples()));
            item.addProperty("status", result.status().name());
            item.addProperty("message", result.message());
            results.add(item);
        }
        json.add("results", results);
        json.addProperty("onBreach", verdict.gate().onBreach().name());
        json.addProperty("message", verdict.message());
        return json;
    }
}
