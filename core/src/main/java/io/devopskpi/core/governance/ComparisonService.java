package io.devopskpi.core.governance;

import io.devopskpi.core.gate.GateMetric;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.query.SupplierKpis;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds {@link SupplierComparison}s. */
public final class ComparisonService {
    /** The rates compared pairwise; their samples are deployments, so they belong to DELIVERY. */
    public static final List<GateMetric> RATES = List.of(GateMetric.CHANGE_FAILURE_RATE,
            GateMetric.CHANGE_SUCCESS_RATE, GateMetric.REWORK_RATE);

    private final EventReader events;
    private final KpiService kpis;
    private final SupplierKpis suppliers;

    public ComparisonService(Store store, KpiService kpis) {
        this.events = new EventReader(store);
        this.kpis = kpis;
        this.suppliers = new SupplierKpis(store, kpis);
    }

    /**
     * @param responsibility DELIVERY, OPERATIONS or BOTH (null: BOTH)
     * @param tag            only applications with this tag (null: all)
     */
    public SupplierComparison compare(KpiQuery window, Responsibility responsibility, String tag) {
        Responsibility side = responsibility == null ? Responsibility.BOTH : responsibility;
        Set<String> tagged = tag == null ? null : tagged(tag);
        List<Assignment> assignments = events.allAssignments();
        List<SupplierComparison.Entry> entries = new ArrayList<>();
        for (String supplier : suppliers.candidates(window)) {
            Set<String> kept = restriction(tagged, side, supplier, assignments, window);
            KpiFigures figures = kpis.figures(window.withScope(Scope.supplier(supplier)), kept);
            if (!figures.applications().isEmpty() && responsible(side, supplier, assignments, window, figures)) {
                entries.add(new SupplierComparison.Entry(supplier, figures));
            }
        }
        List<SupplierComparison.Difference> differences = new ArrayList<>();
        if (side.coversDelivery()) {
            for (int i = 0; i < entries.size(); i++) {
                for (int j = i + 1; j < entries.size(); j++) {
                    for (GateMetric metric : RATES) {
                        differences.add(difference(metric, entries.get(i), entries.get(j)));
                    }
                }
            }
        }
        return new SupplierComparison(window, side, tag, entries, differences);
    }

    private Set<String> tagged(String tag) {
        Set<String> names = new HashSet<>();
        for (ApplicationProfile profile : events.profiles()) {
            if (profile.tags().contains(tag)) {
                names.add(profile.application());
            }
        }
        return names;
    }

    /**
     * Whether the supplier belongs in a comparison of one responsibility: assigned to it during the window, or
     * credited with events of it (overrides, unassigned applications). A supplier that only runs applications
     * has nothing to show in a comparison of what suppliers built, and the other way round.
     */
    private static boolean responsible(Responsibility side, String supplier, List<Assignment> assignments,
            KpiQuery window, KpiFigures figures) {
        if (side == Responsibility.BOTH) {
            return true;
        }
        boolean assigned = assignments.stream().anyMatch(a -> a.supplier().equals(supplier)
                && a.responsibility().sharesWith(side) && overlaps(a, window));
        KpiReport report = figures.report();
        return assigned || (side == Responsibility.DELIVERY
                ? report.changeFailureRate().total() > 0 || report.deploymentFrequency().deployments() > 0
                : report.timeToDetect().count() > 0 || report.timeToRestore().count() + report.timeToRestore().open()
                        > 0 || report.availability().downtimeSeconds() > 0);
    }

    private static boolean overlaps(Assignment a, KpiQuery window) {
        return a.from().isBefore(window.to()) && (a.to() == null || a.to().isAfter(window.from()));
    }

    /**
     * For OPERATIONS, the applications the supplier was assigned to run during the window, so that availability
     * leaves out what it only built (when it has no such assignment, all of its applications); and only tagged
     * ones when a tag is asked for.
     */
    private static Set<String> restriction(Set<String> tagged, Responsibility side, String supplier,
            List<Assignment> assignments, KpiQuery window) {
        Set<String> operated = new HashSet<>();
        for (Assignment a : assignments) {
            if (a.supplier().equals(supplier) && a.responsibility().coversOperations() && overlaps(a, window)) {
                operated.add(a.application());
            }
        }
        if (side != Responsibility.OPERATIONS || operated.isEmpty()) {
            return tagged;
        }
        if (tagged != null) {
            operated.retainAll(tagged);
        }
        return operated;
    }

    static SupplierComparison.Difference difference(GateMetric metric, SupplierComparison.Entry a,
            SupplierComparison.Entry b) {
        KpiReport.Interval first = MetricValue.of(metric, a.figures()).ci95();
        KpiReport.Interval second = MetricValue.of(metric, b.figures()).ci95();
        if (first == null || second == null) {
            String missing = first == null ? a.supplier() : b.supplier();
            return new SupplierComparison.Difference(metric, a.supplier(), b.supplier(), false,
                    "no data for " + missing);
        }
        boolean apart = first.upper() < second.lower() || second.upper() < first.lower();
        return new SupplierComparison.Difference(metric, a.supplier(), b.supplier(), apart,
                apart ? "95 % intervals do not overlap" : "95 % intervals overlap");
    }
}
