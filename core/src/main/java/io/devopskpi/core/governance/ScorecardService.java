package io.devopskpi.core.governance;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.kpi.InvalidQueryException;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.QueryError;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds {@link Scorecard}s: one supplier, one review period, measured as metrics.md attributes events. */
public final class ScorecardService {
    /** Listed on every scorecard, targeted or not (contract, "scorecards"). */
    public static final List<GateMetric> STANDARD = List.of(GateMetric.DEPLOYMENTS_PER_WEEK,
            GateMetric.CHANGE_SUCCESS_RATE, GateMetric.TIME_TO_RESTORE_MEAN, GateMetric.TIME_TO_DETECT_MEAN,
            GateMetric.TIME_TO_RESOLVE_MEAN, GateMetric.AVAILABILITY, GateMetric.STAKEHOLDER_SATISFACTION, GateMetric.SHARED_COMPONENT_USE);
    static final int TREND_PERIODS = 6;

    private final EventReader events;
    private final KpiService kpis;
    private final ContractTargets targets;
    private final Clock clock;

    public ScorecardService(Store store, KpiService kpis, Clock clock) {
        this.events = new EventReader(store);
        this.kpis = kpis;
        this.targets = new ContractTargets(store, kpis);
        this.clock = clock;
    }

    /**
     * @throws InvalidQueryException naming {@code period} when the period starts after the query time
     */
    public Scorecard scorecard(String supplier, ReviewWindow period, String environment, ZoneId zone) {
        if (period.from().isAfter(clock.instant())) {
            throw new InvalidQueryException(List.of(new QueryError("period", "the period " + period.label()
                    + " starts after the query time " + clock.instant())));
        }
        KpiQuery query = new KpiQuery(Scope.supplier(supplier), environment, period.from(), period.to(), zone);
        List<ReviewWindow> periods = period.trend(TREND_PERIODS, zone);
        Map<List<String>, List<KpiFigures>> trends = new HashMap<>();
        List<Scorecard.Line> lines = new ArrayList<>();
        List<ContractTarget> inForce = targets.inForceAt(supplier, period.from());
        Set<GateMetric> targeted = new HashSet<>();
        for (ContractTarget target : inForce) {
            if (target.applications().isEmpty()) {
                targeted.add(target.metric());
            }
            lines.add(line(target.metric(), target.applications(), target, periods, trend(trends, query, periods,
                    target.applications())));
        }
        for (GateMetric metric : STANDARD) {
            if (!targeted.contains(metric)) {
                lines.add(line(metric, List.of(), null, periods, trend(trends, query, periods, List.of())));
            }
        }
        KpiFigures current = trend(trends, query, periods, List.of()).get(TREND_PERIODS - 1);
        List<Assignment> responsibilities = events.allAssignments().stream()
                .filter(a -> a.supplier().equals(supplier) && overlaps(a, period))
                .toList();
        List<Scorecard.ApplicationPart> parts = new ArrayList<>();
        for (String application : current.applications()) {
            parts.add(new Scorecard.ApplicationPart(application, responsibility(responsibilities, application),
                    kpis.figures(query, Set.of(application))));
        }
        // metrics.md: the headline and "what they built" / "what they ran" are the same numbers, since every KPI
        // of a supplier scope counts only what the supplier was responsible for.
        return new Scorecard(supplier, period, environment, zone, responsibilities, lines, parts, current, current);
    }

    private static Scorecard.Line line(GateMetric metric, List<String> applications, ContractTarget target,
            List<ReviewWindow> periods, List<KpiFigures> trend) {
        List<Scorecard.TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            points.add(new Scorecard.TrendPoint(periods.get(i), MetricValue.of(metric, trend.get(i))));
        }
        MetricValue value = points.get(TREND_PERIODS - 1).value();
        return new Scorecard.Line(metric, applications, value, target, value.against(target),
                points.get(TREND_PERIODS - 2).value(), points);
    }

    /** The figures of each trend period for a set of applications (empty: all), computed once per set. */
    private List<KpiFigures> trend(Map<List<String>, List<KpiFigures>> cache, KpiQuery query,
            List<ReviewWindow> periods, List<String> applications) {
        return cache.computeIfAbsent(applications, names -> periods.stream()
                .map(p -> kpis.figures(query.withWindow(p.from(), p.to()), names.isEmpty() ? null
                        : new HashSet<>(names)))
                .toList());
    }

    private static boolean overlaps(Assignment a, ReviewWindow period) {
        return a.from().isBefore(period.to()) && (a.to() == null || a.to().isAfter(period.from()));
    }

    private static Responsibility responsibility(List<Assignment> assignments, String application) {
        boolean delivery = false;
        boolean operations = false;
        for (Assignment a : assignments) {
            if (a.application().equals(application)) {
                delivery |= a.responsibility().coversDelivery();
                operations |= a.responsibility().coversOperations();
            }
        }
        if (delivery && operations) {
            return Responsibility.BOTH;
        }
        return delivery ? Responsibility.DELIVERY : operations ? Responsibility.OPERATIONS : null;
    }
}
