package io.devopskpi.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.kpi.Band;
import io.devopskpi.core.kpi.ComponentReport;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.Satisfaction;
import io.devopskpi.core.kpi.Scope;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiGateEvaluatorTest {
    private static final KpiQuery QUERY = new KpiQuery(Scope.application("shop"), "production",
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-31T00:00:00Z"), ZoneOffset.UTC);

    /**
     * 41 change attempts, 7 failed: success rate 34/41 = 0.8292682926829268; restores median 5 h over 6;
     * satisfaction 3.9 from 8 respondents; 3 of 4 applications use a shared component (0.75).
     */
    private static KpiFigures report() {
        return new KpiFigures(kpis(), new Satisfaction(3.9, 8, 2),
                new ComponentReport(QUERY, List.of(), 0.75, 4), List.of("shop"));
    }

    private static KpiReport kpis() {
        return new KpiReport(QUERY,
                new KpiReport.DeploymentFrequency(38, 38 / 30.0, 7 * 38 / 30.0, 4, 16, Band.HIGH),
                new KpiReport.LeadTime(0, 0, null, null, null, null),
                new KpiReport.ChangeFailureRate(7, 41, 7 / 41.0, new KpiReport.Interval(0.08, 0.3), Band.LOW),
                new KpiReport.ChangeSuccessRate(34 / 41.0, new KpiReport.Interval(0.7, 0.92)),
                new KpiReport.TimeToRestore(6, 1, 18_000.0, 20_000.0, 30_000.0, Band.HIGH, List.of()),
                new KpiReport.TimeToDetect(3, 600.0, 500.0),
                new KpiReport.ReworkRate(2, 38, 2 / 38.0),
                new KpiReport.Availability(0.999, 2592.0, 1, "shop"));
    }

    private static KpiGate gate(int minSamples, boolean failOnInsufficient, Threshold... thresholds) {
        return new KpiGate(QUERY, List.of(thresholds), minSamples, failOnInsufficient, OnBreach.FAILURE);
    }

    @Test
    void aRateBelowItsLimitFailsWithAMessageAPersonCanActOn() {
        GateVerdict verdict = KpiGateEvaluator.judge(gate(10, false,
                new Threshold(GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.9)), report());
        assertThat(verdict.status()).isEqualTo(GateStatus.FAILED);
        assertThat(verdict.breached()).isTrue();
        ThresholdResult result = verdict.results().get(0);
        assertThat(result.actual()).isEqualTo(34 / 41.0);
        assertThat(result.samples()).isEqualTo(41);
        // 34 ÷ 41 = 0.82926… → shown to four places
        assertThat(result.message()).isEqualTo("change success rate 0.8293 (41 deployments) is below 0.9");
    }

    @Test
    void everyThresholdMetPasses() {
        GateVerdict verdict = KpiGateEvaluator.judge(gate(5, false,
                new Threshold(GateMetric.TIME_TO_RESTORE_MEDIAN, Operator.AT_MOST, 6 * 3600),
                new Threshold(GateMetric.AVAILABILITY, Operator.AT_LEAST, 0.999),
                new Threshold(GateMetric.DEPLOYMENTS_PER_WEEK, Operator.ABOVE, 5)), report());
        assertThat(verdict.status()).isEqualTo(GateStatus.PASSED);
        assertThat(verdict.breached()).isFalse();
        assertThat(verdict.results()).extracting(ThresholdResult::status).containsOnly(GateStatus.PASSED);
        // 18 000 s = 5 h; availability exactly at its limit passes (>=)
        assertThat(verdict.results().get(0).message())
                .isEqualTo("time to restore (median) 5h (6 restores) meets <= 6h");
        assertThat(verdict.results().get(1).samples()).isNull();
    }

    @Test
    void fewerSamplesThanTheMinimumIsInsufficientDataNotAFailure() {
        // 3 incidents with a detect time < minSamples 10; the value 600 s would breach <= 300 s
        GateVerdict verdict = KpiGateEvaluator.judge(gate(10, false,
                new Threshold(GateMetric.TIME_TO_DETECT_MEAN, Operator.AT_MOST, 300)), report());
        assertThat(verdict.status()).isEqualTo(GateStatus.INSUFFICIENT_DATA);
        assertThat(verdict.breached()).isFalse();
        assertThat(verdict.results().get(0).message()).contains("3 incidents", "minimum of 10");
        assertThat(KpiGateEvaluator.judge(gate(10, true,
                new Threshold(GateMetric.TIME_TO_DETECT_MEAN, Operator.AT_MOST, 300)), report()).breached()).isTrue();
    }

    @Test
    void anUndefinedValueIsInsufficientDataAndAFailureElsewhereWins() {
        GateVerdict verdict = KpiGateEvaluator.judge(gate(0, false,
                new Threshold(GateMetric.LEAD_TIME_MEDIAN, Operator.AT_MOST, 86_400),
                new Threshold(GateMetric.CHANGE_FAILURE_RATE, Operator.AT_MOST, 0.15)), report());
        assertThat(verdict.results().get(0).status()).isEqualTo(GateStatus.INSUFFICIENT_DATA);
        assertThat(verdict.results().get(0).actual()).isNull();
        // 7 ÷ 41 = 0.1707 > 0.15
        assertThat(verdict.results().get(1).status()).isEqualTo(GateStatus.FAILED);
        assertThat(verdict.status()).isEqualTo(GateStatus.FAILED);
        assertThat(verdict.message()).startsWith("FAILED: 1 of 2 thresholds breached: change failure rate 0.1707");
    }

    @Test
    void strictOperatorsFailAtTheLimit() {
        // rework 2 ÷ 38 = 0.0526…; "< 0.0526315789…" at exactly the value fails, "<=" passes
        double rework = 2 / 38.0;
        assertThat(KpiGateEvaluator.judge(gate(0, false, new Threshold(GateMetric.REWORK_RATE, Operator.BELOW,
                rework)), report()).status()).isEqualTo(GateStatus.FAILED);
        assertThat(KpiGateEvaluator.judge(gate(0, false, new Threshold(GateMetric.REWORK_RATE, Operator.AT_MOST,
                rework)), report()).status()).isEqualTo(GateStatus.PASSED);
    }

    @Test
    void aThresholdsOwnMinimumOverridesTheGates() {
        // 6 restores: own minimum 7 → not judged; the gate's 10 would apply to the other threshold (41 ≥ 10)
        GateVerdict verdict = KpiGateEvaluator.judge(gate(10, false,
                new Threshold(GateMetric.TIME_TO_RESTORE_MEDIAN, Operator.AT_MOST, 6 * 3600, 7),
                new Threshold(GateMetric.TIME_TO_RESTORE_MEAN, Operator.AT_MOST, 6 * 3600, 6)), report());
        assertThat(verdict.results()).extracting(ThresholdResult::status)
                .containsExactly(GateStatus.INSUFFICIENT_DATA, GateStatus.PASSED);
    }

    @Test
    void satisfactionAndSharedComponentUseAreGateMetricsWithTheirOwnSamples() {
        // 3.9 ≥ 4 fails over 8 respondents; 0.75 ≥ 0.75 holds exactly at the limit over 4 applications
        GateVerdict verdict = KpiGateEvaluator.judge(gate(0, false,
                new Threshold(GateMetric.STAKEHOLDER_SATISFACTION, Operator.AT_LEAST, 4),
                new Threshold(GateMetric.SHARED_COMPONENT_USE, Operator.AT_LEAST, 0.75)), report());
        assertThat(verdict.results()).extracting(ThresholdResult::status)
                .containsExactly(GateStatus.FAILED, GateStatus.PASSED);
        assertThat(verdict.results()).extracting(ThresholdResult::samples).containsExactly(8, 4);
        assertThat(verdict.results().get(0).message()).isEqualTo("stakeholder satisfaction 3.9 (8 respondents) is below 4");
        assertThatThrownBy(() -> new Threshold(GateMetric.STAKEHOLDER_SATISFACTION, Operator.AT_LEAST, 4.5 * 2))
                .hasMessageContaining("score from 1 to 5");
    }

    @Test
    void badThresholdsAreRefused() {
        assertThatThrownBy(() -> new Threshold(GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 90))
                .hasMessageContaining("fraction");
        assertThatThrownBy(() -> new Threshold(GateMetric.TIME_TO_RESTORE_MEAN, Operator.AT_MOST, -1))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> gate(0, false)).hasMessageContaining("at least one threshold");
    }

    @Test
    void durationsReadLikeAPersonWritesThem() {
        assertThat(GateFormat.duration(93_784)).isEqualTo("1d 2h 3m 4s");
        assertThat(GateFormat.duration(0)).isEqualTo("0s");
        assertThat(GateFormat.duration(14_400)).isEqualTo("4h");
    }
}
