package io.devopskpi.core.query;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.store.Sql;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.Voided;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The incidents of the query's environment whose [started, resolved) overlaps its window (unresolved ones never
 * end) and that belong to its scope by OPERATIONS attribution, newest first, paged in SQL. Voided incidents are
 * listed with their mark (and counted in the list's total, which pages it).
 */
public final class IncidentList {
    private static final String TEAM = "COALESCE(i.team, a.team, 'unassigned')";
    private static final String SUPPLIER = "COALESCE(i.supplier, a.supplier, 'unassigned')";
    private static final String FROM = "FROM incident i LEFT JOIN assignment a ON a.application = i.application "
            + "AND a.responsibility IN ('OPERATIONS', 'BOTH') AND a.valid_from <= i.started "
            + "AND (a.valid_to IS NULL OR i.started < a.valid_to) "
            + "WHERE i.environment = ? AND i.started < ? AND (i.resolved IS NULL OR i.resolved > ?)";

    private final Store store;

    public IncidentList(Store store) {
        this.store = store;
    }

    public ResultPage<IncidentEntry> list(KpiQuery query, Page page) {
        return Snapshot.read(store, "the incidents", connection -> new ResultPage<>(
                rows(connection, query, page), total(connection, query), page));
    }

    private static List<IncidentEntry> rows(Connection connection, KpiQuery query, Page page) throws SQLException {
        SqlArgs args = new SqlArgs().add(query.environment(), query.to(), query.from());
        String sql = "SELECT i.id, i.application, i.environment, i.started, i.detected, i.resolved, i.severity, "
                + "i.cause, i.voided_at, i.voided_reason, i.voided_by, " + TEAM + " AS att_team, " + SUPPLIER + " AS att_supplier " + FROM
                + ScopeSql.and(query.scope(), "i.application", TEAM, SUPPLIER, args)
                + " ORDER BY i.started DESC, i.id DESC LIMIT ? OFFSET ?";
        args.add(page.limit(), page.offset());
        List<IncidentEntry> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            args.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new IncidentEntry(rs.getString("id"), rs.getString("application"),
                            rs.getString("environment"), Sql.getInstant(rs, "started"),
                            Sql.getInstant(rs, "detected"), Sql.getInstant(rs, "resolved"),
                            rs.getString("severity"), rs.getString("cause"),
                            new Owner(rs.getString("att_team"), rs.getString("att_supplier")), Voided.of(rs)));
                }
            }
        }
        return rows;
    }

    private static long total(Connection connection, KpiQuery query) throws SQLException {
        SqlArgs args = new SqlArgs().add(query.environment(), query.to(), query.from());
        String sql = "SELECT COUNT(*) " + FROM + ScopeSql.and(query.scope(), "i.application", TEAM, SUPPLIER, args);
        return Counts.single(connection, sql, args);
    }
}
