package io.jenkins.plugins.devopskpi.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.gate.GateMetric;
import io.devopskpi.core.gate.GateStatus;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.OnBreach;
import io.devopskpi.core.gate.Operator;
import io.devopskpi.core.gate.Threshold;
import io.devopskpi.core.gate.ThresholdResult;
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
    void theStepReturnsTheVerdictAsPlainValues() {
        Map<String, Object> map = KpiGateStep.asMap(verdict(GateStatus.FAILED, OnBreach.FAILURE, false));
        assertThat(map).containsEntry("status", "FAILED").containsEntry("breached", true);
        assertThat((List<?>) map.get("results")).singleElement().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("metric", "changeSuccessRate")
                .containsEntry("actual", 0.8).containsEntry("samples", 10);
    }

    @Test
    void stepArgumentsBecomeCoresGate() {
        KpiGateStep step = new KpiGateStep();
        step.setTeam("payments");
        step.setWindow("7d");
        step.setChangeSuccessRate(">= 0.9");
        step.setTimeToRestoreMedian("<= 4h");
        step.setOnBreach("unstable");
        KpiGate gate = step.gate(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(gate.query().scope()).isEqualTo(Scope.team("payments"));
        assertThat(gate.thresholds()).extracting(t -> t.metric().apiName())
                .containsExactly("changeSuccessRate", "timeToRestoreMedian");
        assertThat(gate.onBreach()).isEqualTo(OnBreach.UNSTABLE);
    }
}
