package io.devopskpi.core.store;

import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.Incident;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One write transaction on the event store holding the write lock: {@link #begin} first updates the single
 * {@code write_lock} row, so writers (threads, or processes sharing one PostgreSQL) run one after the other and a
 * read here sees everything committed before, plus this transaction's own writes. Closing it without
 * {@link #commit()} rolls everything back.
 */
public final class EventTransaction implements AutoCloseable {
    private final Connection connection;
    private final Instant now;
    private boolean committed;

    private EventTransaction(Connection connection, Instant now) {
        this.connection = connection;
        this.now = now;
    }

    /** Opens the transaction and takes the write lock, waiting while another writer holds it. */
    public static EventTransaction begin(Store store, Instant now) throws SQLException {
        Connection connection = store.connection();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE write_lock SET writes = writes + 1 WHERE id = 1")) {
                if (s.executeUpdate() != 1) {
                    throw new SQLException("the write_lock row is missing: the schema is not the migrated one");
                }
            }
            return new EventTransaction(connection, now);
        } catch (SQLException | RuntimeException e) {
            try (connection) {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public Optional<Deployment> findDeployment(String id) throws SQLException {
        return DeploymentRows.find(connection, id);
    }

    /** Stores a new deployment with its changes and components, recorded now. */
    public void insert(Deployment deployment) throws SQLException {
        DeploymentRows.insert(connection, deployment, now);
    }

    public Optional<Incident> findIncident(String id) throws SQLException {
        return IncidentRows.find(connection, id);
    }

    public void insert(Incident incident) throws SQLException {
        IncidentRows.insert(connection, incident, now);
    }

    /** Replaces the stored incident of the same id (its mutable fields), updated now. */
    public void update(Incident incident) throws SQLException {
        IncidentRows.update(connection, incident, now);
    }

    public List<Assignment> assignments(String application) throws SQLException {
        return AssignmentRows.ofApplication(connection, application);
    }

    public void insert(Assignment assignment) throws SQLException {
        AssignmentRows.insert(connection, assignment);
    }

    /** Replaces supplier, team and to of the stored assignment with the same key. */
    public void replace(Assignment assignment) throws SQLException {
        AssignmentRows.replace(connection, assignment);
    }

    public void commit() throws SQLException {
        connection.commit();
        committed = true;
    }

    /** Rolls back unless committed, and gives the connection back to the pool. */
    @Override
    public void close() throws SQLException {
        try (connection) {
            if (!committed) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        }
    }
}
