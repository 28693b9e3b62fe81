package io.devopskpi.core.query;

import io.devopskpi.core.attribution.AttributionSql;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.model.Severity;
import io.devopskpi.core.store.Sql;
import io.devopskpi.core.store.SqlArgs;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreRead;
import io.devopskpi.core.store.Voided;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The incidents of the query's environment whose [started, resolved) overlaps its window (unresolved ones never
 * end) and that belong to its scope by OPERATIONS attribution (and, with the query's minimum severity, are at least
 * that severe), newest first, paged in SQL. Voided incidents are
 * listed with their mark (and counted in the list's total, which pages it).
 */
public final class IncidentList {
    private static final AttributionSql OPERATIONS = AttributionSql.ofIncidents("i");
    private static final String FROM = "FROM incident i " + OPERATIONS.join() + "WHERE i.environment = ? AND i.started < ? AND (i.resolved IS NULL OR i.resolved > ?)";

    private final Store store;

    public IncidentList(Store store) {
        this.store = store;
    }

    public ResultPage<IncidentEntry> list(KpiQuery query, Page page) {
        return StoreRead.snapshot(store, "the incidents", read -> new ResultPage<>(
                rows(read, query, page), total(read, query), page));
    }

    private static List<IncidentEntry> rows(StoreRead read, KpiQuery query, Page page) throws SQLException {
        SqlArgs args = new SqlArgs().add(query.environment(), query.to(), query.from());
        String sql = "SELECT i.id, i.application, i.environment, i.started, i.detected, i.resolved, i.severity, "
                + "i.cause, i.voided_at, i.voided_reason, i.voided_by, " + OPERATIONS.columns() + " " + FROM
                + ScopeSql.and(query.scope(), "i.application", OPERATIONS, args) + atLeast(query.minSeverity(), args)
                + " ORDER BY i.started DESC, i.id DESC LIMIT ? OFFSET ?";
        args.add(page.limit(), page.offset());
        return read.list(sql, args, rs -> new IncidentEntry(rs.getString("id"), rs.getString("application"),
                rs.getString("environment"), Sql.getInstant(rs, "started"),
                Sql.getInstant(rs, "detected"), Sql.getInstant(rs, "resolved"),
                rs.getString("severity"), rs.getString("cause"),
                new Owner(rs.getString("att_team"), rs.getString("att_supplier")), Voided.of(rs)));
    }

    private static long total(StoreRead read, KpiQuery query) throws SQLException {
        SqlArgs args = new SqlArgs().add(query.environment(), query.to(), query.from());
        String sql = "SELECT COUNT(*) " + FROM + ScopeSql.and(query.scope(), "i.application", OPERATIONS, args)
                + atLeast(query.minSeverity(), args);
        return read.count(sql, args);
    }

    /**
     * With a minimum severity, only the incidents whose normalised level is at least that (the incidents the
     * incident-side KPIs of the same query count, metrics.md "Severity"); nothing without one.
     */
    private static String atLeast(Severity minimum, SqlArgs args) {
        if (minimum == null) {
            return "";
        }
        List<String> levels = Arrays.stream(Severity.values())
                .filter(level -> level.atLeast(minimum)).map(Enum::name).toList();
        args.add(levels.toArray());
        return " AND i.severity_level IN (" + String.join(", ", Collections.nCopies(levels.size(), "?")) + ")";
    }
}
