package io.devopskpi.core.store;

import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.Incident;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads stored events back as model values, each call on its own connection (committed data only). A
 * deployment's changes come ordered by commit time then id, its components by name.
 */
public final class EventReader {
    private final Store store;

    public EventReader(Store store) {
        this.store = store;
    }

    public Optional<Deployment> findDeployment(String id) {
        return read("deployment '" + id + "'", c -> DeploymentRows.find(c, id));
    }

    public Optional<Incident> findIncident(String id) {
        return read("incident '" + id + "'", c -> IncidentRows.find(c, id));
    }

    /** The application's assignments ordered by from, then responsibility. */
    public List<Assignment> assignments(String application) {
        return read("the assignments of '" + application + "'", c -> AssignmentRows.ofApplication(c, application));
    }

    /** The pipelines (CI job names) that deployed the application, in name order. */
    public List<String> pipelines(String application) {
        return read("the pipelines of '" + application + "'", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT pipeline FROM deployment"
                    + " WHERE application = ? AND pipeline IS NOT NULL ORDER BY pipeline")) {
                s.setString(1, application);
                List<String> pipelines = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        pipelines.add(rs.getString(1));
                    }
                }
                return pipelines;
            }
        });
    }

    /** The id of the application's latest SUCCESS deployment to the environment (by finish time), if any. */
    public Optional<String> lastSuccessfulDeployment(String application, String environment) {
        return read("the last successful deployment of '" + application + "' to '" + environment + "'", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM deployment WHERE application = ?"
                    + " AND environment = ? AND result = 'SUCCESS' ORDER BY finished DESC, started DESC, id DESC"
                    + " FETCH FIRST 1 ROWS ONLY")) {
                s.setString(1, application);
                s.setString(2, environment);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** How many deployments, incidents and assignments are stored, together. */
    public long countEvents() {
        return read("the number of events", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT (SELECT COUNT(*) FROM deployment)"
                    + " + (SELECT COUNT(*) FROM incident) + (SELECT COUNT(*) FROM assignment)");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private <T> T read(String what, Query<T> query) {
        try (Connection c = store.connection()) {
            return query.run(c);
        } catch (SQLException e) {
            throw new StoreException("cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }
}
