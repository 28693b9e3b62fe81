package io.devopskpi.core.query;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.store.Sql;
import io.devopskpi.core.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The applications of the query's environment and window, sorted by name, paged in SQL. A team or supplier scope
 * keeps the applications it delivers or operates at the window's end; an application scope keeps that one.
 */
public final class ApplicationList {
    private final Store store;
    private final Clock clock;

    public ApplicationList(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ResultPage<ApplicationSummary> list(KpiQuery query, Page page) {
        Instant at = Ownership.at(query, clock.instant());
        return Snapshot.read(store, "the applications", connection -> new ResultPage<>(
                items(connection, query, at, page), total(connection, query, at), page));
    }

    /** Every application of the list, read a page at a time on one snapshot. */
    public List<ApplicationSummary> all(KpiQuery query) {
        Instant at = Ownership.at(query, clock.instant());
        return Snapshot.read(store, "the applications", connection -> {
            List<ApplicationSummary> all = new ArrayList<>();
            List<ApplicationSummary> page;
            do {
                page = items(connection, query, at, new Page(all.size(), Page.MAX_LIMIT));
                all.addAll(page);
            } while (page.size() == Page.MAX_LIMIT);
            return all;
        });
    }

    private static List<ApplicationSummary> items(Connection connection, KpiQuery query, Instant at, Page page)
            throws SQLException {
        SqlArgs args = new SqlArgs();
        String sql = Ownership.ownersAt(query, at, args)
                + "SELECT o.application, o.delivery_team, o.delivery_supplier, o.operations_team, "
                + "o.operations_supplier, "
                + "(SELECT COUNT(*) FROM deployment d WHERE d.application = o.application AND d.environment = ? "
                + "AND d.result = 'SUCCESS' AND d.finished >= ? AND d.finished < ? AND d.voided_at IS NULL) "
                + "AS deployments, (SELECT MAX(d.finished) FROM deployment d WHERE d.application = o.application "
                + "AND d.environment = ? AND d.result = 'SUCCESS' AND d.finished < ? AND d.voided_at IS NULL) "
                + "AS last_deployment "
                + "FROM owners o WHERE " + scopeCondition(query.scope())
                + " ORDER BY o.application LIMIT ? OFFSET ?";
        args.add(query.environment(), query.from(), query.to(), query.environment(), query.to());
        addScope(query.scope(), args);
        args.add(page.limit(), page.offset());
        List<ApplicationSummary> items = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            args.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(new ApplicationSummary(rs.getString("application"),
                            new Owner(rs.getString("delivery_team"), rs.getString("delivery_supplier")),
                            new Owner(rs.getString("operations_team"), rs.getString("operations_supplier")),
                            rs.getInt("deployments"), Sql.getInstant(rs, "last_deployment")));
                }
            }
        }
        return items;
    }

    private static long total(Connection connection, KpiQuery query, Instant at) throws SQLException {
        SqlArgs args = new SqlArgs();
        String sql = Ownership.ownersAt(query, at, args) + "SELECT COUNT(*) FROM owners o WHERE "
                + scopeCondition(query.scope());
        addScope(query.scope(), args);
        return Counts.single(connection, sql, args);
    }

    private static String scopeCondition(Scope scope) {
        return switch (scope.kind()) {
            case ALL -> "1 = 1";
            case APPLICATION -> "o.application = ?";
            case TEAM -> "(o.delivery_team = ? OR o.operations_team = ?)";
            case SUPPLIER -> "(o.delivery_supplier = ? OR o.operations_supplier = ?)";
        };
    }

    private static void addScope(Scope scope, SqlArgs args) {
        switch (scope.kind()) {
            case ALL -> { }
            case APPLICATION -> args.add(scope.name());
            default -> args.add(scope.name(), scope.name());
        }
    }
}
