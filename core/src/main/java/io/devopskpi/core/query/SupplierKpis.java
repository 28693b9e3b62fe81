package io.devopskpi.core.query;

import io.devopskpi.core.attribution.AttributionSql;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.store.SqlArgs;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreRead;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The KPIs of every supplier of the query's environment and window, sorted by name (metrics.md, attribution;
 * api.md, "Suppliers"): every supplier that delivered or operated an application in the window, i.e. that held a
 * responsibility there (an assignment overlapping it, a deployment of any result finished in it or an incident
 * overlapping it attributed to the supplier, or, for {@code unassigned}, an application without operations
 * assignment).
 */
public final class SupplierKpis {
    private final Store store;
    private final KpiService kpis;

    public SupplierKpis(Store store, KpiService kpis) {
        this.store = store;
        this.kpis = kpis;
    }

    /** The figures of each supplier that held a responsibility in the window, the query's scope ignored. */
    public List<KpiFigures> reports(KpiQuery query) {
        List<KpiFigures> reports = new ArrayList<>();
        for (KpiFigures figures : kpis.figuresOfSuppliers(query, List.copyOf(candidates(query)), null)) {
            if (!figures.responsibilities().isEmpty()) {
                reports.add(figures);
            }
        }
        return reports;
    }

    /**
     * The suppliers that may have held a responsibility in the window (see the class comment), {@code unassigned}
     * always, in Java's order (by UTF-16 code unit), which is the same whatever the database's collation.
     */
    public Set<String> candidates(KpiQuery query) {
        SqlArgs args = new SqlArgs();
        String sql = "SELECT supplier FROM assignment WHERE "
                + AttributionSql.overlapping("", query.from(), query.to(), args) + " UNION SELECT supplier FROM deployment WHERE environment = ? AND finished >= ? AND finished < ? "
                + "AND supplier IS NOT NULL AND voided_at IS NULL "
                + "UNION SELECT supplier FROM incident WHERE environment = ? AND started < ? "
                + "AND (resolved IS NULL OR resolved > ?) AND supplier IS NOT NULL AND voided_at IS NULL";
        args.add(query.environment(), query.from(), query.to(), query.environment(), query.to(), query.from());
        return StoreRead.snapshot(store, "the suppliers", read -> {
            Set<String> names = new TreeSet<>();
            names.add(AttributionSql.UNASSIGNED);
            read.forEach(sql, args, rs -> names.add(rs.getString(1)));
            return names;
        });
    }
}
