package io.devopskpi.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.metric.Threshold;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTableTest {
    @Test
    void listsEveryThresholdWithItsActualValueAndTheSummary() {
        Threshold rate = new Threshold(GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.9);
        Threshold restore = new Threshold(GateMetric.TIME_TO_RESTORE_MEDIAN, Operator.AT_MOST, 14_400);
        KpiGate gate = new KpiGate(new KpiQuery(Scope.application("shop"), "production",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-31T00:00:00Z"), null),
                List.of(rate, restore), 0, false, OnBreach.FAILURE);
        GateVerdict verdict = new GateVerdict(gate, GateStatus.FAILED, List.of(
                new ThresholdResult(rate, 0.8, 10, GateStatus.FAILED, "change success rate 0.8 is below 0.9"),
                new ThresholdResult(restore, null, 0, GateStatus.INSUFFICIENT_DATA, "no restores")),
                "FAILED: 1 of 2 thresholds breached");

        String table = GateTable.render(verdict);

        assertThat(table).startsWith("KPI gate for application shop in production, 2026-01-01T00:00:00Z to ");
        assertThat(table).containsPattern("FAILED +changeSuccessRate +>= 0.9 +0.8 +10");
        assertThat(table).containsPattern("INSUFFICIENT_DATA +timeToRestoreMedian +<= 4h +- +0");
        assertThat(table).contains("  change success rate 0.8 is below 0.9").endsWith("FAILED: 1 of 2 thresholds breached");
    }
}
