package io.devopskpi.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.metric.Threshold;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatePolicyLookupTest {
    private static final Instant NOW = Instant.parse("2026-01-31T00:00:00Z");
    private static final KpiGate RELEASE = new KpiGate(new KpiQuery(Scope.supplier("acme"), "production",
            NOW.minusSeconds(30 * 86400L), NOW, null), List.of(new Threshold(GateMetric.CHANGE_FAILURE_RATE,
            Operator.AT_MOST, 0.15)), 0, false, OnBreach.FAILURE);
    private static final GatePolicyLookup STORED = (name, now) -> name.equals("release") ? Optional.of(RELEASE)
            : Optional.empty();

    @Test
    void aPolicyIsTheWholeGate() {
        Map<String, String> none = new HashMap<>();
        none.put("application", null);
        none.put("window", " ");
        assertThat(GatePolicyLookup.resolve(STORED, " release ", none, NOW)).isEqualTo(RELEASE);
    }

    @Test
    void aPolicyTakesNoScopeOrThresholdsOfTheStep() {
        assertThatThrownBy(() -> GatePolicyLookup.resolve(STORED, "release",
                Map.of("team", "payments", "changeFailureRate", "<= 0.1"), NOW))
                .hasMessage("policy 'release' brings its own scope, environment and thresholds: leave out "
                        + "changeFailureRate, team");
        assertThatThrownBy(() -> GatePolicyLookup.resolve(STORED, "nightly", Map.of(), NOW))
                .hasMessage("no gate policy is named 'nightly'");
    }
}
