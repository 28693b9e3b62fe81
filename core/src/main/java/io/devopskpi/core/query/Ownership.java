package io.devopskpi.core.query;

import io.devopskpi.core.attribution.AttributionSql;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.store.SqlArgs;
import java.time.Instant;

/**
 * The applications of an environment in a window and who owns them at one instant, as SQL common table
 * expressions: {@code apps} (an in-window deployment of any result, an incident overlapping the window or an
 * assignment overlapping it) and {@code owners} (each application with its DELIVERY and OPERATIONS team and
 * supplier at the instant, {@code unassigned} where no assignment covers it).
 */
final class Ownership {
    private static final AttributionSql DELIVERY = AttributionSql.ofApplications(Responsibility.DELIVERY, "ad",
            "apps.application");
    private static final AttributionSql OPERATIONS = AttributionSql.ofApplications(Responsibility.OPERATIONS, "ao",
            "apps.application");

    private Ownership() {
    }

    /** {@code WITH apps AS (...), owners AS (...)}; its arguments are added to {@code args}. */
    static String ownersAt(KpiQuery query, Instant at, SqlArgs args) {
        args.add(query.environment(), query.from(), query.to(), query.environment(), query.to(), query.from());
        String apps = "WITH apps AS (SELECT application FROM deployment WHERE environment = ? AND finished >= ? "
                + "AND finished < ? AND voided_at IS NULL "
                + "UNION SELECT application FROM incident WHERE environment = ? AND started < ? "
                + "AND (resolved IS NULL OR resolved > ?) AND voided_at IS NULL "
                + "UNION SELECT application FROM assignment WHERE "
                + AttributionSql.overlapping("", query.from(), query.to(), args) + "), ";
        return apps + "owners AS (SELECT apps.application, "
                + DELIVERY.team() + " AS delivery_team, " + DELIVERY.supplier() + " AS delivery_supplier, "
                + OPERATIONS.team() + " AS operations_team, " + OPERATIONS.supplier() + " AS operations_supplier "
                + "FROM apps " + DELIVERY.joinAt(at, args) + OPERATIONS.joinAt(at, args) + ") ";
    }

    /** The instant ownership is read at: the window's end, or now when the window ends later. */
    static Instant at(KpiQuery query, Instant now) {
        return query.to().isAfter(now) ? now : query.to();
    }
}
