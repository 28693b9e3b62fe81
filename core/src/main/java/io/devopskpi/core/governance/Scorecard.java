package io.devopskpi.core.governance;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.Responsibility;
import java.time.ZoneId;
import java.util.List;

/**
 * A supplier's review for one period (contract, "scorecards"): what it was responsible for, every contracted and
 * standard KPI with target, verdict, the previous period and a six-period trend, and a breakdown per application
 * and per responsibility (what it built: DELIVERY-attributed KPIs; what it ran: OPERATIONS-attributed KPIs).
 */
public record Scorecard(String supplier, ReviewWindow period, String environment, ZoneId zone,
        List<Assignment> responsibilities, List<Line> kpis, List<ApplicationPart> applications,
        KpiFigures delivery, KpiFigures operations) {

    public Scorecard {
        responsibilities = List.copyOf(responsibilities);
        kpis = List.copyOf(kpis);
        applications = List.copyOf(applications);
    }

    /**
     * One KPI: its value this period, the target in force at the period's start (null: none) and its verdict, the
     * previous period's value and the trend (the six periods ending with this one, oldest first).
     * {@code applications} is empty unless a target names some of the supplier's applications.
     */
    public record Line(GateMetric metric, List<String> applications, MetricValue value, ContractTarget target,
            ContractVerdict verdict, MetricValue previous, List<TrendPoint> trend) {
        public Line {
            applications = List.copyOf(applications);
            trend = List.copyOf(trend);
        }

        /** This period's value minus the previous one's; null when either is undefined. */
        public Double change() {
            return value.value() == null || previous.value() == null ? null : value.value() - previous.value();
        }
    }

    public record TrendPoint(ReviewWindow period, MetricValue value) {
    }

    /**
     * The supplier's KPIs on one application; {@code responsibility} is what its assignments during the period
     * gave it there (BOTH when it had both), or null when only events that name it explicitly put it there.
     */
    public record ApplicationPart(String application, Responsibility responsibility, KpiFigures figures) {
    }
}
