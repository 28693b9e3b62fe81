package io.devopskpi.core.gate;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiQueryParser;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.text.TimeText;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a caller may give besides a policy, the same for {@code kpiGate}, {@code POST /api/v1/gate} and the command
 * line: a window ({@code window}, or {@code from} and {@code to}), a zone, {@code minSamples},
 * {@code failOnInsufficientData} and {@code onBreach}. Each one given replaces the policy's; null means "not given".
 * The policy keeps its scope, environment and thresholds.
 */
public record GateOverrides(String window, String from, String to, String zone, Integer minSamples,
        Boolean failOnInsufficientData, OnBreach onBreach) {

    public static final GateOverrides NONE = new GateOverrides(null, null, null, null, null, null, null);

    public GateOverrides {
        if (minSamples != null && minSamples < 0) {
            throw new IllegalArgumentException("minSamples must not be negative: " + minSamples);
        }
    }

    /**
     * The policy's gate with these arguments in place of its own.
     *
     * @throws io.devopskpi.core.kpi.InvalidQueryException naming a window, from, to or zone that is wrong
     */
    public KpiGate applyTo(KpiGate policy, Instant now) {
        KpiQuery query = policy.query();
        if (window != null || from != null || to != null || zone != null) {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            Scope scope = query.scope();
            if (scope.kind() != Scope.Kind.ALL) {
                parameters.put(scope.parameter(), List.of(scope.name()));
            }
            parameters.put("environment", List.of(query.environment()));
            if (window != null || from != null || to != null) {
                put(parameters, "window", window == null ? null : isoWindow(window));
                put(parameters, "from", from);
                put(parameters, "to", to);
            } else {
                // only the zone changes: the policy's window stays
                parameters.put("window", List.of(java.time.Duration.between(query.from(), query.to()).toString()));
            }
            parameters.put("zone", List.of(zone == null ? query.zone().getId() : zone));
            query = KpiQueryParser.parse(parameters, now);
        }
        return new KpiGate(query, policy.thresholds(), minSamples == null ? policy.minSamples() : minSamples,
                failOnInsufficientData == null ? policy.failOnInsufficientData() : failOnInsufficientData,
                onBreach == null ? policy.onBreach() : onBreach);
    }

    /** {@code 30d} and ISO-8601 alike, as ISO-8601 (what the KPI query reads); the text as given when unreadable. */
    private static String isoWindow(String text) {
        try {
            return TimeText.duration(text).toString();
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static void put(Map<String, List<String>> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, List.of(value));
        }
    }
}
