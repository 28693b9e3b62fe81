package io.devopskpi.core.query;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.store.Sql;
import io.devopskpi.core.store.SqlArgs;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreRead;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
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
        return StoreRead.snapshot(store, "the applications", read -> new ResultPage<>(
                items(read, query, at, page), total(read, query, at), page));
    }

    /** Every application of the list, read a page at a time on one snapshot. */
    public List<ApplicationSummary> all(KpiQuery query) {
        Instant at = Ownership.at(query, clock.instant());
        return StoreRead.snapshot(store, "the applications",
                read -> Page.every(page -> items(read, query, at, page)));
    }

    private static List<ApplicationSummary> items(StoreRead read, KpiQuery query, Instant at, Page page)
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
        return read.list(sql, args, rs -> new ApplicationSummary(rs.getString("application"),
                new Owner(rs.getString("delivery_team"), rs.getString("delivery_supplier")),
                new Owner(rs.getString("operations_team"), rs.getString("operations_supplier")),
                rs.getInt("deployments"), Sql.getInstant(rs, "last_deployment")));
    }

    private static long total(StoreRead read, KpiQuery query, Instant at) throws SQLException {
        SqlArgs args = new SqlArgs();
        String sql = Ownership.ownersAt(query, at, args) + "SELECT COUNT(*) FROM owners o WHERE "
                + scopeCondition(query.scope());
        addScope(query.scope(), args);
        return read.count(sql, args);
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
