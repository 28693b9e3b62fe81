package io.devopskpi.core.governance;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.query.SupplierKpis;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import java.util.ArrayList;
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
        Set<String> tagged = tag == null ? null : events.applicationsTagged(tag);
        List<SupplierComparison.Entry> entries = new ArrayList<>();
        // metrics.md: each KPI counts only what the supplier was responsible for, so the engine's figures already
        // leave out what it only built (operations side) or only ran (delivery side).
        for (KpiFigures figures : kpis.figuresOfSuppliers(window, List.copyOf(suppliers.candidates(window)),
                tagged)) {
            if (figures.responsibleFor(side)) {
                entries.add(new SupplierComparison.Entry(figures.report().query().scope().name(), figures));
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
