package io.jenkins.plugins.devopskpi.steps;

import io.devopskpi.core.gate.GateOverrides;
import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.KpiGateText;
import io.devopskpi.core.gate.OnBreach;
import io.devopskpi.core.kpi.InvalidQueryException;
import io.devopskpi.core.kpi.QueryError;
import io.devopskpi.core.model.Severity;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code kpiGate} was given, as texts: the step binds them, and its running execution keeps a copy in
 * {@code program.dat} (so only strings, numbers and string maps) and turns it into core's gate when it runs.
 */
final class GateArguments implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final GatePolicyLookup NO_POLICIES = (name, now) -> java.util.Optional.empty();

    private final LinkedHashMap<String, String> scopes = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> thresholds = new LinkedHashMap<>();
    String policy;
    String environment;
    String window;
    /** Null while not given, so that a policy's own value stays (GateOverrides). */
    Integer minSamples;
    Boolean failOnInsufficientData;
    String onBreach;
    /** critical, major or minor; null: every incident (metrics.md, "Severity"). */
    String minSeverity;

    GateArguments() {
        scopes.put("application", null);
        scopes.put("team", null);
        scopes.put("supplier", null);
    }

    GateArguments copy() {
        GateArguments copy = new GateArguments();
        copy.scopes.putAll(scopes);
        copy.thresholds.putAll(thresholds);
        copy.policy = policy;
        copy.environment = environment;
        copy.window = window;
        copy.minSamples = minSamples;
        copy.failOnInsufficientData = failOnInsufficientData;
        copy.onBreach = onBreach;
        copy.minSeverity = minSeverity;
        return copy;
    }

    String scope(String name) {
        return scopes.get(name);
    }

    void scope(String name, String value) {
        scopes.put(name, value);
    }

    String threshold(String metric) {
        return thresholds.get(metric);
    }

    void threshold(String metric, String value) {
        thresholds.put(metric, value);
    }

    String policy() {
        return policy;
    }

    boolean failOnInsufficientData() {
        return Boolean.TRUE.equals(failOnInsufficientData);
    }

    int minSamples() {
        return minSamples == null ? 0 : minSamples;
    }

    /** The step's own onBreach (FAILURE when not given or not one of the three). */
    OnBreach onBreach() {
        try {
            return OnBreach.parse(onBreach);
        } catch (IllegalArgumentException e) {
            return OnBreach.FAILURE;
        }
    }

    boolean namesPolicy() {
        return policy != null && !policy.isBlank();
    }

    /** The gate, ending {@code now}. @throws IllegalArgumentException naming every problem */
    KpiGate gate(Instant now, GatePolicyLookup policies) {
        KpiGate gate = gateOfAnySeverity(now, policies);
        String given = blankToNull(minSeverity);
        if (given == null) {
            return gate;
        }
        Severity minimum = Severity.minimum(given).orElseThrow(() -> new IllegalArgumentException(
                "minSeverity must be critical, major or minor, got '" + given + "'"));
        return new KpiGate(gate.query().withMinSeverity(minimum), gate.thresholds(), gate.minSamples(),
                gate.failOnInsufficientData(), gate.onBreach());
    }

    private KpiGate gateOfAnySeverity(Instant now, GatePolicyLookup policies) {
        if (!namesPolicy()) {
            return KpiGateText.parse(scopes, environment, window, thresholds, minSamples(),
                    failOnInsufficientData(), onBreach, now);
        }
        Map<String, String> own = new HashMap<>(scopes);
        own.putAll(thresholds);
        own.put("environment", environment);
        KpiGate gate = GatePolicyLookup.resolve(policies, policy, own, now);
        // the step's window, minSamples, failOnInsufficientData and onBreach replace the policy's, as over HTTP
        try {
            return new GateOverrides(blankToNull(window), null, null, null, minSamples, failOnInsufficientData,
                    blankToNull(onBreach) == null ? null : OnBreach.parse(onBreach)).applyTo(gate, now);
        } catch (InvalidQueryException e) {
            throw new IllegalArgumentException(String.join("; ", e.errors().stream().map(QueryError::message)
                    .toList()), e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The gate to judge as "no data" when the store is not usable; null for a policy (only the store knows it). */
    KpiGate withoutStore(Instant now) {
        return namesPolicy() ? null : gate(now, NO_POLICIES);
    }
}
