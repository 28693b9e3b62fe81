package io.devopskpi.core.governance;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.model.Responsibility;

/**
 * metrics.md, "Each KPI has one responsibility": the deployment side (DELIVERY) or the incident side (OPERATIONS).
 * Stakeholder satisfaction judges the supplier as a whole (BOTH: either responsibility answers for it).
 */
public final class KpiResponsibility {
    private KpiResponsibility() {
    }

    public static Responsibility of(GateMetric metric) {
        return switch (metric) {
            case TIME_TO_DETECT_MEAN, TIME_TO_RESOLVE_MEAN, TIME_TO_RESOLVE_MEDIAN, AVAILABILITY ->
                    Responsibility.OPERATIONS;
            case STAKEHOLDER_SATISFACTION -> Responsibility.BOTH;
            default -> Responsibility.DELIVERY;
        };
    }
}
