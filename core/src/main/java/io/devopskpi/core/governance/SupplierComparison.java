package io.devopskpi.core.governance;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.model.Responsibility;
import java.util.List;

/**
 * Suppliers side by side over one window (contract, "comparison"), like for like: only one responsibility's KPIs
 * (BOTH: all) and only applications with a tag (null: all); and for each pair of suppliers and each rate, whether
 * the difference is significant.
 */
public record SupplierComparison(KpiQuery window, Responsibility responsibility, String tag, List<Entry> suppliers,
        List<Difference> differences) {

    public SupplierComparison {
        suppliers = List.copyOf(suppliers);
        differences = List.copyOf(differences);
    }

    public record Entry(String supplier, KpiFigures figures) {
    }

    /**
     * Whether supplier {@code a}'s and {@code b}'s values of a rate differ significantly: when their 95 % Wilson
     * intervals do not overlap. That is conservative (two intervals may overlap a little while the difference is
     * significant at 5 %), so "significant" can be trusted and "not significant" means "not shown".
     */
    public record Difference(GateMetric metric, String a, String b, boolean significant, String reason) {
    }
}
