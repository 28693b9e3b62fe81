package io.devopskpi.core.query;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The KPIs of every supplier of the query's environment and window, sorted by name (metrics.md, attribution):
 * the suppliers of assignments overlapping the window and of overrides on its deployments and incidents, and
 * {@code unassigned} when one of those events has no supplier; a supplier is kept when its scope has an
 * application (metrics.md, availability).
 */
public final class SupplierKpis {
    private final Store store;
    private final KpiService kpis;

    public SupplierKpis(Store store, KpiService kpis) {
        this.store = store;
        this.kpis = kpis;
    }

    /** One report per supplier, the query's scope ignored. */
    public List<KpiReport> reports(KpiQuery query) {
        List<KpiReport> reports = new ArrayList<>();
        for (String supplier : candidates(query)) {
            KpiReport report = kpis.report(query.withScope(Scope.supplier(supplier)));
            if (report.availability().applications() > 0) {
                reports.add(report);
            }
        }
        return reports;
    }

    /**
     * The suppliers that may have an application in the window (see the class comment), in Java's order (by
     * UTF-16 code unit), which is the same whatever the database's collation.
     */
    public Set<String> candidates(KpiQuery query) {
        SqlArgs args = new SqlArgs().add(query.to(), query.from(),
                query.environment(), query.from(), query.to(),
                query.environment(), query.to(), query.from(),
                query.environment(), query.from(), query.to(),
                query.environment(), query.to(), query.from());
        String sql = "SELECT supplier FROM assignment WHERE valid_from < ? AND (valid_to IS NULL OR valid_to > ?) "
                + "UNION SELECT supplier FROM deployment WHERE environment = ? AND finished >= ? AND finished < ? "
                + "AND supplier IS NOT NULL "
                + "UNION SELECT supplier FROM incident WHERE environment = ? AND started < ? "
                + "AND (resolved IS NULL OR resolved > ?) AND supplier IS NOT NULL "
                + "UNION SELECT 'unassigned' FROM deployment d LEFT JOIN assignment a "
                + "ON a.application = d.application AND a.responsibility IN ('DELIVERY', 'BOTH') "
                + "AND a.valid_from <= d.finished AND (a.valid_to IS NULL OR d.finished < a.valid_to) "
                + "WHERE d.environment = ? AND d.finished >= ? AND d.finished < ? AND d.supplier IS NULL "
                + "AND a.supplier IS NULL "
                + "UNION SELECT 'unassigned' FROM incident i LEFT JOIN assignment a "
                + "ON a.application = i.application AND a.responsibility IN ('OPERATIONS', 'BOTH') "
                + "AND a.valid_from <= i.started AND (a.valid_to IS NULL OR i.started < a.valid_to) "
                + "WHERE i.environment = ? AND i.started < ? AND (i.resolved IS NULL OR i.resolved > ?) "
                + "AND i.supplier IS NULL AND a.supplier IS NULL";
        return Snapshot.read(store, "the suppliers", connection -> {
            Set<String> names = new TreeSet<>();
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                args.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            return names;
        });
    }
}
