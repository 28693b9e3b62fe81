package io.devopskpi.core.governance;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Fraction;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.WilsonInterval;

/**
 * One metric of one scope and window: its value (null when undefined), its sample size (null for availability)
 * and, for the rates, the 95 % Wilson interval (metrics.md) that tells whether two values differ beyond chance;
 * {@code exact} is the value targets are compared with (metrics.md, "Gates").
 */
public record MetricValue(Double value, Integer samples, KpiReport.Interval ci95, Fraction exact) {

    public static MetricValue of(GateMetric metric, KpiFigures figures) {
        KpiReport report = figures.report();
        KpiReport.Interval interval = switch (metric) {
            case CHANGE_FAILURE_RATE -> report.changeFailureRate().ci95();
            case CHANGE_SUCCESS_RATE -> report.changeSuccessRate().ci95();
            case REWORK_RATE -> WilsonInterval.of(report.reworkRate().rework(), report.reworkRate().total());
            default -> null;
        };
        return new MetricValue(figures.value(metric), figures.samples(metric), interval, figures.exact(metric));
    }

    /** The verdict of a target on this value; see {@link ContractVerdict}. */
    public ContractVerdict against(io.devopskpi.core.model.ContractTarget target) {
        if (target == null) {
            return ContractVerdict.NO_TARGET;
        }
        if (value == null || samples != null && samples < target.minSamples()) {
            return ContractVerdict.NOT_ENOUGH_DATA;
        }
        return target.threshold().heldBy(exact) ? ContractVerdict.MET : ContractVerdict.MISSED;
    }
}
