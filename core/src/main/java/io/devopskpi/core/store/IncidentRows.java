package io.devopskpi.core.store;

import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Incidents in the table incident, on a connection the caller owns (its transaction). */
final class IncidentRows {
    private IncidentRows() {
    }

    static Optional<Incident> find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT application, environment, started, detected, resolved,"
                + " severity, cause, team, supplier FROM incident WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Incident(id, rs.getString("application"), rs.getString("environment"),
                        Sql.getInstant(rs, "started"), Sql.getInstant(rs, "detected"),
                        Sql.getInstant(rs, "resolved"), rs.getString("severity"), rs.getString("cause"),
                        rs.getString("team"), rs.getString("supplier")));
            }
        }
    }

    static void insert(Connection c, Incident incident, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO incident (id, application, environment, started,"
                + " detected, resolved, severity, cause, team, supplier, recorded_at, updated_at, severity_level)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, incident.id());
            s.setString(2, incident.application());
            s.setString(3, incident.environment());
            Sql.setInstant(s, 4, incident.started());
            Sql.setInstant(s, 5, incident.detected());
            Sql.setInstant(s, 6, incident.resolved());
            s.setString(7, incident.severity());
            s.setString(8, incident.cause());
            s.setString(9, incident.team());
            s.setString(10, incident.supplier());
            Sql.setInstant(s, 11, now);
            Sql.setInstant(s, 12, now);
            s.setString(13, Severity.of(incident.severity()).name());
            s.executeUpdate();
        }
    }

    /** Replaces the fields a re-send may change; application, environment and started are the identity. */
    static void update(Connection c, Incident incident, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE incident SET detected = ?, resolved = ?, severity = ?,"
                + " cause = ?, team = ?, supplier = ?, updated_at = ?, severity_level = ? WHERE id = ?")) {
            Sql.setInstant(s, 1, incident.detected());
            Sql.setInstant(s, 2, incident.resolved());
            s.setString(3, incident.severity());
            s.setString(4, incident.cause());
            s.setString(5, incident.team());
            s.setString(6, incident.supplier());
            Sql.setInstant(s, 7, now);
            s.setString(8, Severity.of(incident.severity()).name());
            s.setString(9, incident.id());
            s.executeUpdate();
        }
    }
}
