package io.devopskpi.core.query;

import io.devopskpi.core.attribution.AttributionSql;
import io.devopskpi.core.kpi.FailedChangeView;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.store.Sql;
import io.devopskpi.core.store.SqlArgs;
import io.devopskpi.core.store.StoredValues;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreRead;
import io.devopskpi.core.store.Voided;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The deployments (any result) of the query's environment that finished in its window and belong to its scope
 * by DELIVERY attribution, newest first, paged in SQL, each with its failed-change verdict for the same query.
 * Voided deployments are listed with their mark (and counted in the list's total, which pages it).
 */
public final class DeploymentList {
    private static final AttributionSql DELIVERY = AttributionSql.ofDeployments("d");
    private static final String FROM = "FROM deployment d " + DELIVERY.join()
            + "WHERE d.environment = ? AND d.finished >= ? AND d.finished < ?";

    private final Store store;
    private final KpiService kpis;

    public DeploymentList(Store store, KpiService kpis) {
        this.store = store;
        this.kpis = kpis;
    }

    public ResultPage<DeploymentEntry> list(KpiQuery query, Page page) {
        ResultPage<DeploymentEntry> rows = StoreRead.snapshot(store, "the deployments", read -> new ResultPage<>(
                rows(read, query, page), total(read, query), page));
        return new ResultPage<>(withFailures(rows.items(), spanOf(rows.items(), query)), rows.total(), page);
    }

    /**
     * The part of the query's window that a page's deployments finished in. A deployment's verdict does not
     * depend on the window it is judged in (the analysis looks past a window's end for what follows, and an
     * incident links only to a deployment that finished before it started), so a page is judged over its own span
     * rather than the whole window: a page of 50 in a quarter of 100,000 deployments reads 50's worth.
     */
    private static KpiQuery spanOf(List<DeploymentEntry> rows, KpiQuery query) {
        if (rows.isEmpty()) {
            return query;
        }
        Instant first = rows.get(0).finished();
        Instant last = first;
        for (DeploymentEntry row : rows) {
            first = row.finished().isBefore(first) ? row.finished() : first;
            last = row.finished().isAfter(last) ? row.finished() : last;
        }
        // instants are stored to the microsecond: the next one after the last is the span's open end
        return query.withWindow(first, last.plus(1, ChronoUnit.MICROS));
    }

    /** Every deployment of the list, read a page at a time on one snapshot (exports). */
    public List<DeploymentEntry> all(KpiQuery query) {
        List<DeploymentEntry> all = StoreRead.snapshot(store, "the deployments",
                read -> Page.every(page -> rows(read, query, page)));
        return withFailures(all, query);
    }

    private List<DeploymentEntry> withFailures(List<DeploymentEntry> rows, KpiQuery query) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, FailedChangeView> failures = kpis.failedChanges(query).stream()
                .collect(Collectors.toMap(FailedChangeView::deployment, Function.identity()));
        return rows.stream().map(d -> d.withFailure(failures.get(d.id()))).toList();
    }

    private static List<DeploymentEntry> rows(StoreRead read, KpiQuery query, Page page) throws SQLException {
        SqlArgs args = new SqlArgs().add(query.environment(), query.from(), query.to());
        String sql = "SELECT d.id, d.application, d.environment, d.started, d.finished, d.result, d.kind, "
                + "d.revision, d.pipeline, d.url, d.imported, d.voided_at, d.voided_reason, d.voided_by, " + DELIVERY.columns()
                + ", (SELECT COUNT(*) FROM deployment_change c WHERE c.deployment_id = d.id) "
                + "AS changes " + FROM + ScopeSql.and(query.scope(), "d.application", DELIVERY, args)
                + " ORDER BY d.finished DESC, d.started DESC, d.id DESC LIMIT ? OFFSET ?";
        args.add(page.limit(), page.offset());
        return read.list(sql, args, rs -> new DeploymentEntry(rs.getString("id"), rs.getString("application"),
                rs.getString("environment"), Sql.getInstant(rs, "started"),
                Sql.getInstant(rs, "finished"), StoredValues.result(rs.getString("result")).orElse(null),
                StoredValues.kind(rs.getString("kind")).orElse(null), rs.getString("revision"),
                rs.getString("pipeline"), rs.getString("url"), rs.getBoolean("imported"),
                new Owner(rs.getString("att_team"), rs.getString("att_supplier")),
                rs.getInt("changes"), null, Voided.of(rs)));
    }

    private static long total(StoreRead read, KpiQuery query) throws SQLException {
        SqlArgs args = new SqlArgs().add(query.environment(), query.from(), query.to());
        String sql = "SELECT COUNT(*) " + FROM + ScopeSql.and(query.scope(), "d.application", DELIVERY, args);
        return read.count(sql, args);
    }
}
