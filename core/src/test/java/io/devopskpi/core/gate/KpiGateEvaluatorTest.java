package io.devopskpi.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.metric.Threshold;

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
                new KpiReport.TimeToResolve(2, 0, 5400.0, 5400.0, 6840.0, List.of()),
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
        // rework 2 of 40 = 0.05 exactly: "< 0.05" fails at the limit, "<= 0.05" passes
        KpiFigures figures = figures(7, 41, 2, 40, 18_000.0);
        assertThat(KpiGateEvaluator.judge(gate(0, false, new Threshold(GateMetric.REWORK_RATE, Operator.BELOW,
                0.05)), figures).status()).isEqualTo(GateStatus.FAILED);
        assertThat(KpiGateEvaluator.judge(gate(0, false, new Threshold(GateMetric.REWORK_RATE, Operator.AT_MOST,
                0.05)), figures).status()).isEqualTo(GateStatus.PASSED);
    }

    @Test
    void comparesRatesAsTheFractionOfTheirCountsWithTheDecimalAsWritten() {
        // metrics.md, Gates: 93 successful changes of 100 meet changeSuccessRate >= 0.93. In floating point
        // 1 − 7/100 = 0.9299999999999999 < 0.93, which the old evaluation failed.
        KpiFigures figures = figures(7, 100, 0, 0, null);
        assertThat(KpiGateEvaluator.judge(gate(0, false, new Threshold(GateMetric.CHANGE_SUCCESS_RATE,
                Operator.AT_LEAST, new java.math.BigDecimal("0.93"), null)), figures).status())
                .isEqualTo(GateStatus.PASSED);
        // 0.93 < 0.930000000000000000001 exactly, though both are the same double
        assertThat(KpiGateEvaluator.judge(gate(0, false, new Threshold(GateMetric.CHANGE_SUCCESS_RATE,
                Operator.AT_LEAST, new java.math.BigDecimal("0.930000000000000000001"), null)), figures).status())
                .isEqualTo(GateStatus.FAILED);
        // 7 of 100 failed: <= 0.07 holds exactly
        assertThat(KpiGateEvaluator.judge(gate(0, false, new Threshold(GateMetric.CHANGE_FAILURE_RATE,
                Operator.AT_MOST, new java.math.BigDecimal("0.07"), null)), figures).status())
                .isEqualTo(GateStatus.PASSED);
    }

    @Test
    void comparesDurationsInWholeMicroseconds() {
        // 4 h = 14,400 s; a median of 14,400.0000000001 s is 14,400,000,000 µs, which meets "<= 4h" and "< 4h" fails
        KpiFigures figures = figures(0, 10, 0, 0, 14_400.000_000_000_1);
        assertThat(KpiGateEvaluator.judge(gate(0, false, new Threshold(GateMetric.TIME_TO_RESTORE_MEDIAN,
                Operator.AT_MOST, 14_400)), figures).status()).isEqualTo(GateStatus.PASSED);
        assertThat(KpiGateEvaluator.judge(gate(0, false, new Threshold(GateMetric.TIME_TO_RESTORE_MEDIAN,
                Operator.BELOW, 14_400)), figures).status()).isEqualTo(GateStatus.FAILED);
    }

    /** Figures with the given counts; the other KPIs as in {@link #kpis()}. */
    private static KpiFigures figures(int failed, int total, int rework, int reworkTotal, Double restoreMedian) {
        KpiReport base = kpis();
        KpiReport report = new KpiReport(QUERY, base.deploymentFrequency(), base.leadTime(),
                new KpiReport.ChangeFailureRate(failed, total, failed / (double) total, null, null),
                new KpiReport.ChangeSuccessRate((total - failed) / (double) total, null),
                new KpiReport.TimeToRestore(restoreMedian == null ? 0 : 1, 0, restoreMedian, restoreMedian,
                        restoreMedian, null, List.of()),
                base.timeToDetect(), base.timeToResolve(),
                new KpiReport.ReworkRate(rework, reworkTotal, reworkTotal == 0 ? null : rework / (double) reworkTotal),
                base.availability());
        return new KpiFigures(report, Satisfaction.NONE, new ComponentReport(QUERY, List.of(), null, 0),
                List.of("shop"));
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
}
