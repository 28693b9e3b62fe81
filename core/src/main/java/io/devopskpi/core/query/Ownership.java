package io.devopskpi.core.query;

import io.devopskpi.core.kpi.KpiQuery;
import java.time.Instant;

/**
 * The applications of an environment in a window and who owns them at one instant, as SQL common table
 * expressions: {@code apps} (an in-window deployment of any result, an incident overlapping the window or an
 * assignment overlapping it) and {@code owners} (each application with its DELIVERY and OPERATIONS team and
 * supplier at the instant, {@code unassigned} where no assignment covers it).
 */
final class Ownership {
    private Ownership() {
    }

    /** {@code WITH apps AS (...), owners AS (...)}; its arguments are added to {@code args}. */
    static String ownersAt(KpiQuery query, Instant at, SqlArgs args) {
        args.add(query.environment(), query.from(), query.to(), query.environment(), query.to(), query.from(),
                query.to(), query.from(), at, at, at, at);
        return "WITH apps AS (SELECT application FROM deployment WHERE environment = ? AND finished >= ? "
                + "AND finished < ? AND voided_at IS NULL "
                + "UNION SELECT application FROM incident WHERE environment = ? AND started < ? "
                + "AND (resolved IS NULL OR resolved > ?) AND voided_at IS NULL "
                + "UNION SELECT application FROM assignment WHERE valid_from < ? "
                + "AND (valid_to IS NULL OR valid_to > ?)), "
                + "owners AS (SELECT apps.application, "
                + "COALESCE(ad.team, 'unassigned') AS delivery_team, "
                + "COALESCE(ad.supplier, 'unassigned') AS delivery_supplier, "
                + "COALESCE(ao.team, 'unassigned') AS operations_team, "
                + "COALESCE(ao.supplier, 'unassigned') AS operations_supplier FROM apps "
                + "LEFT JOIN assignment ad ON ad.application = apps.application "
                + "AND ad.responsibility IN ('DELIVERY', 'BOTH') AND ad.valid_from <= ? "
                + "AND (ad.valid_to IS NULL OR ? < ad.valid_to) "
                + "LEFT JOIN assignment ao ON ao.application = apps.application "
                + "AND ao.responsibility IN ('OPERATIONS', 'BOTH') AND ao.valid_from <= ? "
                + "AND (ao.valid_to IS NULL OR ? < ao.valid_to)) ";
    }

    /** The instant ownership is read at: the window's end, or now when the window ends later. */
    static Instant at(KpiQuery query, Instant now) {
        return query.to().isAfter(now) ? now : query.to();
    }
}
