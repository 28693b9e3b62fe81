package io.devopskpi.core.governance;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.model.Responsibility;
import java.util.List;

/**
 * metrics.md, "Each KPI has one responsibility": the deployment side (DELIVERY) or the incident side (OPERATIONS).
 * Stakeholder satisfaction judges the supplier as a whole (BOTH: either responsibility answers for it). The KPIs
 * are named as in {@code /kpis}; a gate metric belongs to the KPI its name starts with.
 */
public final class KpiResponsibility {
    /** The KPIs DELIVERY attribution decides: deployments, their changes and restores. */
    private static final List<String> DELIVERY_KPIS = List.of("deploymentFrequency", "leadTime",
            "changeFailureRate", "changeSuccessRate", "timeToRestore", "reworkRate");
    /** The KPIs OPERATIONS attribution decides: incidents, their detection, resolution and downtime. */
    private static final List<String> OPERATIONS_KPIS = List.of("timeToDetect", "timeToResolve", "availability");

    private KpiResponsibility() {
    }

    public static Responsibility of(GateMetric metric) {
        if (metric == GateMetric.STAKEHOLDER_SATISFACTION) {
            return Responsibility.BOTH;
        }
        return OPERATIONS_KPIS.stream().anyMatch(metric.apiName()::startsWith) ? Responsibility.OPERATIONS
                : Responsibility.DELIVERY;
    }

    /** The {@code /kpis} KPIs that {@code side} (DELIVERY or OPERATIONS) is responsible for. */
    public static List<String> kpis(Responsibility side) {
        return switch (side) {
            case DELIVERY -> DELIVERY_KPIS;
            case OPERATIONS -> OPERATIONS_KPIS;
            case BOTH -> throw new IllegalArgumentException("a KPI has one responsibility: DELIVERY or OPERATIONS");
        };
    }
}
