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
import io.devopskpi.core.model.Severity;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return scorecard(supplier, period, environment, zone, null);
    }

    /**
     * As {@link #scorecard(String, ReviewWindow, String, ZoneId)}, counting only incidents of at least
     * {@code minSeverity} (null: all) in the incident-side lines (metrics.md, "Severity").
     */
    public Scorecard scorecard(String supplier, ReviewWindow period, String environment, ZoneId zone,
            Severity minSeverity) {
        if (period.from().isAfter(clock.instant())) {
            throw new InvalidQueryException(List.of(new QueryError("period", "the period " + period.label()
                    + " starts after the query time " + clock.instant())));
        }
        KpiQuery query = new KpiQuery(Scope.supplier(supplier), environment, period.from(), period.to(), zone,
                minSeverity);
        List<ReviewWindow> periods = period.trend(TREND_PERIODS, zone);
        List<ContractTarget> inForce = targets.inForceAt(supplier, period.from());
        // every set of applications a line needs (empty: all of the supplier's) with the minimum severity its
        // incidents are counted at, each period read once per severity for all sets
        LineSlice all = new LineSlice(List.of(), minSeverity);
        Set<LineSlice> sets = new LinkedHashSet<>();
        sets.add(all);
        inForce.forEach(target -> sets.add(LineSlice.of(target, minSeverity)));
        Map<LineSlice, List<KpiFigures>> trends = trends(query, periods, List.copyOf(sets));
        List<Scorecard.Line> lines = new ArrayList<>();
        Set<GateMetric> targeted = new HashSet<>();
        for (ContractTarget target : inForce) {
            if (target.applications().isEmpty()) {
                targeted.add(target.metric());
            }
            lines.add(line(target.metric(), target.applications(), target, periods,
                    trends.get(LineSlice.of(target, minSeverity))));
        }
        for (GateMetric metric : STANDARD) {
            if (!targeted.contains(metric)) {
                lines.add(line(metric, List.of(), null, periods, trends.get(all)));
            }
        }
        KpiFigures current = trends.get(all).get(TREND_PERIODS - 1);
        List<Assignment> responsibilities = events.allAssignments().stream()
                .filter(a -> a.supplier().equals(supplier) && overlaps(a, period))
                .toList();
        List<String> applications = current.applications();
        List<KpiFigures> perApplication = kpis.figuresOf(query, applications.stream()
                .map(application -> new KpiService.Slice(query.scope(), Set.of(application))).toList());
        List<Scorecard.ApplicationPart> parts = new ArrayList<>();
        for (int i = 0; i < applications.size(); i++) {
            parts.add(new Scorecard.ApplicationPart(applications.get(i),
                    responsibility(responsibilities, applications.get(i)), perApplication.get(i)));
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

    /**
     * Per set of applications (empty: all) and minimum severity, the figures of each trend period; each period read
     * once per minimum severity for all sets of it.
     */
    private Map<LineSlice, List<KpiFigures>> trends(KpiQuery query, List<ReviewWindow> periods,
            List<LineSlice> sets) {
        Map<LineSlice, List<KpiFigures>> trends = new HashMap<>();
        sets.forEach(set -> trends.put(set, new ArrayList<>()));
        Map<Optional<Severity>, List<LineSlice>> bySeverity = new LinkedHashMap<>();
        sets.forEach(set -> bySeverity.computeIfAbsent(Optional.ofNullable(set.minSeverity()), s -> new ArrayList<>())
                .add(set));
        for (ReviewWindow p : periods) {
            for (Map.Entry<Optional<Severity>, List<LineSlice>> group : bySeverity.entrySet()) {
                List<KpiService.Slice> slices = group.getValue().stream()
                        .map(set -> new KpiService.Slice(query.scope(), set.applications().isEmpty() ? null
                                : new HashSet<>(set.applications())))
                        .toList();
                List<KpiFigures> figures = kpis.figuresOf(query.withWindow(p.from(), p.to())
                        .withMinSeverity(group.getKey().orElse(null)), slices);
                for (int i = 0; i < slices.size(); i++) {
                    trends.get(group.getValue().get(i)).add(figures.get(i));
                }
            }
        }
        return trends;
    }

    /** The applications a scorecard line reads (empty: all of the supplier's) and the severity it counts from. */
    private record LineSlice(List<String> applications, Severity minSeverity) {
        static LineSlice of(ContractTarget target, Severity filter) {
            return new LineSlice(target.applications(), target.minSeverityWithin(filter));
        }
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
