package io.jenkins.plugins.devopskpi.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.OnBreach;
import io.devopskpi.core.kpi.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KpiGateStepTest {
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
