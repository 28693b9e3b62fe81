package io.devopskpi.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Deletes events older than a retention period (docs/reliability.md, "Retention"): deployments that finished
 * before the cut-off, with their changes and components, and incidents resolved before it. Unresolved incidents,
 * assignments and governance facts (tags, targets, surveys, policies) are never deleted. Runs as one write
 * transaction under the write lock, all or nothing.
 */
public final class Retention {
    private final Period period;

    public Retention(Period period) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("must be a period longer than zero, got '" + period + "'");
        }
        this.period = period;
    }

    /** ISO-8601 period text such as {@code P2Y}, {@code P18M} or {@code P400D}. */
    public static Retention parse(String text) {
        Period period;
        try {
            period = Period.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 period such as P2Y, P18M or P400D, got '"
                    + text + "'", e);
        }
        return new Retention(period);
    }

    public Period period() {
        return period;
    }

    /** The cut-off at {@code now}: now minus the period, counted in UTC calendar terms (P1Y from a Feb 29 ends Feb 28). */
    public Instant cutoff(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }

    /** What one purge deleted. */
    public record Purged(Instant cutoff, int deployments, int changes, int components, int incidents) {
        public int total() {
            return deployments + incidents;
        }
    }

    /** Deletes everything older than {@link #cutoff(Instant) the cut-off at now}, in one transaction. */
    public Purged purge(Store store, Instant now) {
        Instant cutoff = cutoff(now);
        try (EventTransaction tx = EventTransaction.begin(store, now)) {
            Purged purged = tx.deleteOlderThan(cutoff);
            tx.commit();
            return purged;
        } catch (SQLException e) {
            throw new StoreException("cannot delete the events older than " + cutoff + ": " + e.getMessage(), e);
        }
    }

    /** On the caller's transaction: the rows of deployments finished and incidents resolved before {@code cutoff}. */
    static Purged delete(Connection c, Instant cutoff) throws SQLException {
        String old = "SELECT id FROM deployment WHERE finished < ?";
        List<FirstListings.Key> firstOnOld = FirstListings.dropBefore(c, cutoff);
        int changes = update(c, "DELETE FROM deployment_change WHERE deployment_id IN (" + old + ")", cutoff);
        int components = update(c, "DELETE FROM deployment_component WHERE deployment_id IN (" + old + ")", cutoff);
        int deployments = update(c, "DELETE FROM deployment WHERE finished < ?", cutoff);
        FirstListings.refill(c, firstOnOld);
        int incidents = update(c, "DELETE FROM incident WHERE resolved IS NOT NULL AND resolved < ?", cutoff);
        return new Purged(cutoff, deployments, changes, components, incidents);
    }

    private static int update(Connection c, String sql, Instant cutoff) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Sql.setInstant(s, 1, cutoff);
            return s.executeUpdate();
        }
    }

    @Override
    public String toString() {
        return period.toString();
    }
}
