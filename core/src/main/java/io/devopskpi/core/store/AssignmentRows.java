package io.devopskpi.core.store;

import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Responsibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assignments in the table assignment, keyed by (application, responsibility, from), on the caller's connection.
 * A row whose responsibility this version does not know (written by a newer version, {@link StoredValues}) is
 * left out of every read, as the KPIs' attribution leaves it out.
 */
final class AssignmentRows {
    private AssignmentRows() {
    }

    /** All assignments of the application, by from then responsibility. */
    static List<Assignment> ofApplication(Connection c, String application) throws SQLException {
        List<Assignment> assignments = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT responsibility, valid_from, valid_to, supplier, team"
                + " FROM assignment WHERE application = ? ORDER BY valid_from, responsibility")) {
            s.setString(1, application);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Optional<Responsibility> responsibility = StoredValues.responsibility(
                            rs.getString("responsibility"));
                    if (responsibility.isPresent()) {
                        assignments.add(new Assignment(application, rs.getString("supplier"), rs.getString("team"),
                                responsibility.get(), Sql.getInstant(rs, "valid_from"),
                                Sql.getInstant(rs, "valid_to")));
                    }
                }
            }
        }
        return assignments;
    }

    static List<Assignment> all(Connection c) throws SQLException {
        List<Assignment> assignments = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT application, responsibility, valid_from, valid_to,"
                + " supplier, team FROM assignment"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Optional<Responsibility> responsibility = StoredValues.responsibility(rs.getString("responsibility"));
                if (responsibility.isPresent()) {
                    assignments.add(new Assignment(rs.getString("application"), rs.getString("supplier"),
                            rs.getString("team"), responsibility.get(), Sql.getInstant(rs, "valid_from"),
                            Sql.getInstant(rs, "valid_to")));
                }
            }
        }
        assignments.sort(java.util.Comparator.comparing(Assignment::application)
                .thenComparing(Assignment::responsibility).thenComparing(Assignment::from));
        return assignments;
    }

    static void insert(Connection c, Assignment a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO assignment (application, responsibility,"
                + " valid_from, valid_to, supplier, team) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, a.application());
            s.setString(2, a.responsibility().name());
            Sql.setInstant(s, 3, a.from());
            Sql.setInstant(s, 4, a.to());
            s.setString(5, a.supplier());
            s.setString(6, a.team());
            s.executeUpdate();
        }
    }

    /** Replaces supplier, team and to of the assignment with the same key. */
    static void replace(Connection c, Assignment a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE assignment SET valid_to = ?, supplier = ?, team = ?"
                + " WHERE application = ? AND responsibility = ? AND valid_from = ?")) {
            Sql.setInstant(s, 1, a.to());
            s.setString(2, a.supplier());
            s.setString(3, a.team());
            s.setString(4, a.application());
            s.setString(5, a.responsibility().name());
            Sql.setInstant(s, 6, a.from());
            s.executeUpdate();
        }
    }
}
