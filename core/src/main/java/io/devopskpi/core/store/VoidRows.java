package io.devopskpi.core.store;

import io.devopskpi.core.model.Voiding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The void mark of deployments and incidents (columns {@code voided_at}, {@code voided_reason}, {@code voided_by})
 * and the audit trail {@code void_log}, on a connection the caller owns (its transaction, holding the write lock).
 */
final class VoidRows {
    /** Whether the target is stored, and if so whether it is voided now. */
    enum State {
        ABSENT, LIVE, VOIDED
    }

    private VoidRows() {
    }

    static State state(Connection c, Voiding.TargetType type, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT voided_at FROM " + table(type) + " WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return State.ABSENT;
                }
                return Sql.getInstant(rs, "voided_at") == null ? State.LIVE : State.VOIDED;
            }
        }
    }

    /** Marks (void) or unmarks (unvoid) the target and appends the event to the audit trail. */
    static void apply(Connection c, Voiding voiding, Instant now) throws SQLException {
        boolean voids = voiding.action() == Voiding.Action.VOID;
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table(voiding.targetType())
                + " SET voided_at = ?, voided_reason = ?, voided_by = ? WHERE id = ?")) {
            Sql.setInstant(s, 1, voids ? now : null);
            s.setString(2, voids ? voiding.reason() : null);
            s.setString(3, voids ? voiding.by() : null);
            s.setString(4, voiding.targetId());
            s.executeUpdate();
        }
        long seq;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM void_log");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO void_log (seq, target_type, target_id, action,"
                + " reason, voided_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, seq);
            s.setString(2, voiding.targetType().name());
            s.setString(3, voiding.targetId());
            s.setString(4, voiding.action().name());
            s.setString(5, voiding.reason());
            s.setString(6, voiding.by());
            Sql.setInstant(s, 7, now);
            s.executeUpdate();
        }
    }

    /** The void mark of a stored row, or empty when it is not voided. */
    static Optional<Voided> voided(ResultSet rs) throws SQLException {
        Instant at = Sql.getInstant(rs, "voided_at");
        return at == null ? Optional.empty()
                : Optional.of(new Voided(at, rs.getString("voided_reason"), rs.getString("voided_by")));
    }

    private static String table(Voiding.TargetType type) {
        return type == Voiding.TargetType.DEPLOYMENT ? "deployment" : "incident";
    }
}
