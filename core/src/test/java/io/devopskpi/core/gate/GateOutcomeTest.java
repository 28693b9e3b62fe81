package io.devopskpi.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.metric.Threshold;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateOutcomeTest {
    private static final Threshold RATE = new Threshold(GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.9);

    private static GateVerdict verdict(GateStatus status, OnBreach onBreach, boolean failOnInsufficientData) {
        KpiGate gate = new KpiGate(new KpiQuery(Scope.application("shop"), "production",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-31T00:00:00Z"), null), List.of(RATE), 0,
                failOnInsufficientData, onBreach);
        return new GateVerdict(gate, status, List.of(new ThresholdResult(RATE, 0.8, 10, status, "m")), "summary");
    }

    @Test
    void aFailedGateDoesWhatOnBreachSays() {
        assertThat(GateOutcome.of(verdict(GateStatus.FAILED, OnBreach.FAILURE, false))).isEqualTo(GateOutcome.FAILURE);
        assertThat(GateOutcome.of(verdict(GateStatus.FAILED, OnBreach.UNSTABLE, false)))
                .isEqualTo(GateOutcome.UNSTABLE);
        assertThat(GateOutcome.of(verdict(GateStatus.FAILED, OnBreach.WARNING, false))).isEqualTo(GateOutcome.LOG);
        assertThat(GateOutcome.of(verdict(GateStatus.PASSED, OnBreach.FAILURE, false))).isEqualTo(GateOutcome.PASS);
    }

    @Test
    void missingDataFailsOnlyWhenTheGateSaysSo() {
        assertThat(GateOutcome.of(verdict(GateStatus.INSUFFICIENT_DATA, OnBreach.FAILURE, false)))
                .isEqualTo(GateOutcome.PASS);
        assertThat(GateOutcome.of(verdict(GateStatus.INSUFFICIENT_DATA, OnBreach.FAILURE, true)))
                .isEqualTo(GateOutcome.FAILURE);
    }

    @Test
    void theVerdictBecomesPlainValues() {
        Map<String, Object> map = GateVerdictValues.of(verdict(GateStatus.FAILED, OnBreach.FAILURE, false));
        assertThat(map).containsEntry("status", "FAILED").containsEntry("breached", true);
        assertThat((List<?>) map.get("results")).singleElement().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("metric", "changeSuccessRate")
                .containsEntry("actual", 0.8).containsEntry("samples", 10);
    }
}
