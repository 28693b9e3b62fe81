package io.devopskpi.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.metric.Threshold;

import io.devopskpi.core.kpi.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiGateTextTest {
    private static final Instant NOW = Instant.parse("2026-01-31T00:00:00Z");

    private static Map<String, String> scopes(String application, String team, String supplier) {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("application", application);
        scopes.put("team", team);
        scopes.put("supplier", supplier);
        return scopes;
    }

    @Test
    void buildsTheGateAStepDescribes() {
        Map<String, String> thresholds = new LinkedHashMap<>();
        thresholds.put("changeSuccessRate", ">= 0.9");
        thresholds.put("timeToRestoreMedian", "<= 4h");
        thresholds.put("leadTimeMedian", null);
        KpiGate gate = KpiGateText.parse(scopes("shop", null, null), "staging", "7d", thresholds, 5, true,
                "unstable", NOW);
        assertThat(gate.query().scope()).isEqualTo(Scope.application("shop"));
        assertThat(gate.query().environment()).isEqualTo("staging");
        assertThat(Duration.between(gate.query().from(), gate.query().to())).isEqualTo(Duration.ofDays(7));
        assertThat(gate.query().to()).isEqualTo(NOW);
        assertThat(gate.thresholds()).containsExactly(
                new Threshold(GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.9),
                new Threshold(GateMetric.TIME_TO_RESTORE_MEDIAN, Operator.AT_MOST, 14_400));
        assertThat(gate.minSamples()).isEqualTo(5);
        assertThat(gate.failOnInsufficientData()).isTrue();
        assertThat(gate.onBreach()).isEqualTo(OnBreach.UNSTABLE);
    }

    @Test
    void defaultsToEverythingInProductionOverThirtyDaysFailingTheBuild() {
        KpiGate gate = KpiGateText.parse(scopes(null, null, null), null, null, Map.of("availability", ">= 0.99"),
                0, false, null, NOW);
        assertThat(gate.query().scope()).isEqualTo(Scope.all());
        assertThat(gate.query().environment()).isEqualTo("production");
        assertThat(gate.query().from()).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(gate.onBreach()).isEqualTo(OnBreach.FAILURE);
    }

    @Test
    void reportsEveryProblemAtOnceNamingTheArgument() {
        Map<String, String> thresholds = new HashMap<>();
        thresholds.put("changeSuccessRate", ">= 90%");
        thresholds.put("speed", "> 1");
        assertThatThrownBy(() -> KpiGateText.parse(scopes("shop", "payments", null), " ", "3 months", thresholds,
                -1, false, "ABORT", NOW))
                .hasMessageContaining("at most one of application, team and supplier, got application and team")
                .hasMessageContaining("window must be")
                .hasMessageContaining("0.9, not 90%")
                .hasMessageContaining("unknown metric 'speed'")
                .hasMessageContaining("minSamples must not be negative")
                .hasMessageContaining("onBreach must be FAILURE, UNSTABLE or WARNING")
                .hasMessageContaining("environment must not be blank");
    }

    @Test
    void needsAThreshold() {
        assertThatThrownBy(() -> KpiGateText.parse(scopes(null, "payments", null), null, null, Map.of(), 0, false,
                null, NOW)).hasMessageContaining("at least one threshold");
    }
}
