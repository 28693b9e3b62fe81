package io.devopskpi.core.kpi;

import io.devopskpi.core.metric.Fraction;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.model.Responsibility;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a gate or a contract target can name for one query: the KPI report, stakeholder satisfaction,
 * platform re-use, the applications the scope was responsible for (delivered, operated or assigned, sorted) and the
 * responsibilities a team or supplier held in the window (metrics.md: DELIVERY and/or OPERATIONS, in that order),
 * read on one snapshot.
 */
public record KpiFigures(KpiReport report, Satisfaction satisfaction, ComponentReport components,
        List<String> applications, Set<Responsibility> responsibilities) {
    private static final BigDecimal NANOS_PER_DAY = BigDecimal.valueOf(86_400L).movePointRight(9);

    public KpiFigures {
        applications = List.copyOf(new TreeSet<>(applications));
        EnumSet<Responsibility> held = EnumSet.noneOf(Responsibility.class);
        held.addAll(responsibilities);
        if (held.remove(Responsibility.BOTH)) {
            held.add(Responsibility.DELIVERY);
            held.add(Responsibility.OPERATIONS);
        }
        responsibilities = Collections.unmodifiableSet(held);
    }

    /** Figures without responsibilities (a scope that is not a team or supplier). */
    public KpiFigures(KpiReport report, Satisfaction satisfaction, ComponentReport components,
            List<String> applications) {
        this(report, satisfaction, components, applications, Set.of());
    }

    /** The metric's value (metrics.md), or null when it is undefined. */
    public Double value(GateMetric metric) {
        return switch (metric) {
            case DEPLOYMENTS_PER_DAY -> report.deploymentFrequency().perDay();
            case DEPLOYMENTS_PER_WEEK -> report.deploymentFrequency().perWeek();
            case MEDIAN_DEPLOYMENT_DAYS_PER_WEEK -> report.deploymentFrequency().medianDeploymentDaysPerWeek();
            case LEAD_TIME_MEDIAN -> report.leadTime().medianSeconds();
            case LEAD_TIME_P90 -> report.leadTime().p90Seconds();
            case CHANGE_FAILURE_RATE -> report.changeFailureRate().rate();
            case CHANGE_SUCCESS_RATE -> report.changeSuccessRate().rate();
            case TIME_TO_RESTORE_MEDIAN -> report.timeToRestore().medianSeconds();
            case TIME_TO_RESTORE_MEAN -> report.timeToRestore().meanSeconds();
            case TIME_TO_DETECT_MEAN -> report.timeToDetect().meanSeconds();
            case TIME_TO_RESOLVE_MEAN -> report.timeToResolve().meanSeconds();
            case TIME_TO_RESOLVE_MEDIAN -> report.timeToResolve().medianSeconds();
            case REWORK_RATE -> report.reworkRate().rate();
            case AVAILABILITY -> report.availability().ratio();
            case STAKEHOLDER_SATISFACTION -> satisfaction.mean();
            case SHARED_COMPONENT_USE -> components.sharedComponentUse();
        };
    }

    /** The sample size behind the metric's value (metrics.md, "Gates"), or null for availability. */
    public Integer samples(GateMetric metric) {
        return switch (metric) {
            case DEPLOYMENTS_PER_DAY, DEPLOYMENTS_PER_WEEK, MEDIAN_DEPLOYMENT_DAYS_PER_WEEK ->
                    report.deploymentFrequency().deployments();
            case LEAD_TIME_MEDIAN, LEAD_TIME_P90 -> report.leadTime().count();
            case CHANGE_FAILURE_RATE, CHANGE_SUCCESS_RATE -> report.changeFailureRate().total();
            case TIME_TO_RESTORE_MEDIAN, TIME_TO_RESTORE_MEAN -> report.timeToRestore().count();
            case TIME_TO_DETECT_MEAN -> report.timeToDetect().count();
            case TIME_TO_RESOLVE_MEAN, TIME_TO_RESOLVE_MEDIAN -> report.timeToResolve().count();
            case REWORK_RATE -> report.reworkRate().total();
            case AVAILABILITY -> null;
            case STAKEHOLDER_SATISFACTION -> satisfaction.respondents();
            case SHARED_COMPONENT_USE -> components.applications();
        };
    }

    /**
     * The value in the exact form thresholds are compared with (metrics.md, "Gates"), or null without a value: a
     * rate as the fraction of its counts, a per-day or per-week figure as deployments ÷ days (× 7), a duration as
     * whole microseconds, availability as the fraction of time up.
     */
    public Fraction exact(GateMetric metric) {
        Double value = value(metric);
        if (value == null) {
            return null;
        }
        return switch (metric) {
            case DEPLOYMENTS_PER_DAY -> perDay(1);
            case DEPLOYMENTS_PER_WEEK -> perDay(7);
            case MEDIAN_DEPLOYMENT_DAYS_PER_WEEK -> Fraction.exactly(value);
            case CHANGE_FAILURE_RATE -> Fraction.of(report.changeFailureRate().failed(),
                    report.changeFailureRate().total());
            case CHANGE_SUCCESS_RATE -> Fraction.of(report.changeFailureRate().total()
                    - report.changeFailureRate().failed(), report.changeFailureRate().total());
            case REWORK_RATE -> Fraction.of(report.reworkRate().rework(), report.reworkRate().total());
            case AVAILABILITY -> report.availability().exactRatio();
            case SHARED_COMPONENT_USE -> Fraction.of(Math.round(value * components.applications()),
                    components.applications());
            case STAKEHOLDER_SATISFACTION -> Fraction.decimal(value);
            default -> metric.unit() == GateMetric.Unit.SECONDS ? Fraction.seconds(value) : Fraction.decimal(value);
        };
    }

    /** deployments × factor ÷ (measured seconds ÷ 86,400); 0 over an empty window. */
    private Fraction perDay(int factor) {
        Duration measured = report.measured();
        if (measured.isZero() || measured.isNegative()) {
            return Fraction.of(0, 1);
        }
        BigDecimal nanos = BigDecimal.valueOf(measured.getSeconds()).movePointRight(9)
                .add(BigDecimal.valueOf(measured.getNano()));
        return new Fraction(BigDecimal.valueOf((long) report.deploymentFrequency().deployments() * factor)
                .multiply(NANOS_PER_DAY), nanos);
    }

    /** Whether the scope held the responsibility (BOTH: either) in the window. */
    public boolean responsibleFor(Responsibility side) {
        return side == Responsibility.BOTH ? !responsibilities.isEmpty() : responsibilities.contains(side);
    }
}
