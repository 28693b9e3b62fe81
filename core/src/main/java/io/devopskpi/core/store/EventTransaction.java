package io.devopskpi.core.store;

import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.model.Survey;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Voiding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * One write transaction on the event store holding the write lock: {@link #begin} first updates the single
 * {@code write_lock} row, so writers (threads, or processes sharing one PostgreSQL) run one after the other and a
 * read here sees everything committed before, plus this transaction's own writes. Closing it without
 * {@link #commit()} rolls everything back. On embedded H2 the transaction also holds {@link EmbeddedWriteLock} until
 * it is closed, so H2 never writes its file while another transaction is half done.
 */
public final class EventTransaction implements AutoCloseable {
    private final Connection connection;
    private final Instant now;
    private final ReentrantLock embeddedTurn;
    private final boolean postgres;
    private boolean committed;

    private EventTransaction(Connection connection, Instant now, ReentrantLock embeddedTurn, boolean postgres) {
        this.connection = connection;
        this.now = now;
        this.embeddedTurn = embeddedTurn;
        this.postgres = postgres;
    }

    /** Opens the transaction and takes the write lock, waiting while another writer holds it. */
    public static EventTransaction begin(Store store, Instant now) throws SQLException {
        ReentrantLock embeddedTurn = EmbeddedWriteLock.of(store.config());
        if (embeddedTurn != null) {
            EmbeddedWriteLock.acquire(embeddedTurn, Duration.ofMillis(Store.H2_LOCK_TIMEOUT_MILLIS));
        }
        Connection connection;
        try {
            connection = store.connection();
        } catch (SQLException | RuntimeException e) {
            release(embeddedTurn);
            throw e;
        }
        try {
            connection.setAutoCommit(false);
            planEachLookUpForTheTableAsItIs(store, connection);
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE write_lock SET writes = writes + 1 WHERE id = 1")) {
                if (s.executeUpdate() != 1) {
                    throw new SQLException("the write_lock row is missing: the schema is not the migrated one");
                }
            }
            return new EventTransaction(connection, now, embeddedTurn, store.config().isPostgres());
        } catch (SQLException | RuntimeException e) {
            try (connection) {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            } finally {
                release(embeddedTurn);
            }
            throw e;
        }
    }

    /**
     * A writer looks rows up by their keys, in statements prepared once per connection. PostgreSQL plans a prepared
     * statement for good after a few runs; planned while a table was still nearly empty (a bulk load outruns
     * autovacuum's statistics), a look-up by key can keep a plan that reads the whole environment, and the
     * 100,000-deployment scale run ingested 1,000 events/s instead of 5,700 until autovacuum caught up. Within a
     * writer's transaction PostgreSQL (12 and later) plans each run for the table as it is.
     */
    private static void planEachLookUpForTheTableAsItIs(Store store, Connection connection) throws SQLException {
        if (store.config().isPostgres() && connection.getMetaData().getDatabaseMajorVersion() >= 12) {
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
        }
    }

    private static void release(ReentrantLock embeddedTurn) {
        if (embeddedTurn != null) {
            embeddedTurn.unlock();
        }
    }

    public Optional<Deployment> findDeployment(String id) throws SQLException {
        return DeploymentRows.find(connection, id);
    }

    /** Of the given deployment ids, those stored (voided or not). */
    public java.util.Set<String> storedDeployments(java.util.Collection<String> ids) throws SQLException {
        return DeploymentRows.stored(connection, ids);
    }

    /** Stores new deployments (none stored yet) with their changes and components, recorded now, in batches. */
    public void insert(List<Deployment> deployments) throws SQLException {
        if (!deployments.isEmpty()) {
            DeploymentRows.insert(connection, deployments, now);
            FirstListings.offer(connection, deployments, postgres);
            EventOwners.record(connection, postgres, deployments.stream().flatMap(d -> EventOwners.named(d.team(),
                    d.supplier(), d.environment(), d.application())).collect(Collectors.toSet()));
        }
    }

    public Optional<Incident> findIncident(String id) throws SQLException {
        return IncidentRows.find(connection, id);
    }

    public void insert(Incident incident) throws SQLException {
        IncidentRows.insert(connection, incident, now);
        recordOwners(incident);
    }

    /** Replaces the stored incident of the same id (its mutable fields), updated now. */
    public void update(Incident incident) throws SQLException {
        IncidentRows.update(connection, incident, now);
        recordOwners(incident);
    }

    private void recordOwners(Incident incident) throws SQLException {
        EventOwners.record(connection, postgres, EventOwners.named(incident.team(), incident.supplier(),
                incident.environment(), incident.application()).collect(Collectors.toSet()));
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

    public Optional<ApplicationProfile> findProfile(String application) throws SQLException {
        return GovernanceRows.profile(connection, application);
    }

    /** Stores the application's tags in place of any stored ones. */
    public void replace(ApplicationProfile profile) throws SQLException {
        GovernanceRows.replace(connection, profile);
    }

    /** The supplier's contract targets. */
    public List<ContractTarget> targets(String supplier) throws SQLException {
        return GovernanceRows.targets(connection, supplier);
    }

    public void insert(ContractTarget target) throws SQLException {
        GovernanceRows.insert(connection, target);
    }

    /** Replaces operator, value, minSamples, period and to of the stored target with the same key. */
    public void replace(ContractTarget target) throws SQLException {
        GovernanceRows.replace(connection, target);
    }

    public Optional<Survey> findSurvey(String id) throws SQLException {
        return GovernanceRows.survey(connection, id);
    }

    public void insert(Survey survey) throws SQLException {
        GovernanceRows.insert(connection, survey);
    }

    /** Replaces score, respondents and comment of the stored survey with the same id. */
    public void update(Survey survey) throws SQLException {
        GovernanceRows.update(connection, survey);
    }

    public Optional<GatePolicy> findPolicy(String name) throws SQLException {
        return GovernanceRows.policy(connection, name);
    }

    /** Stores the policy, replacing the stored gate of that name when {@code exists}. */
    public void store(GatePolicy policy, boolean exists) throws SQLException {
        GovernanceRows.upsert(connection, policy, exists);
    }

    /** Deletes deployments finished and incidents resolved before {@code cutoff} ({@link Retention}). */
    public Retention.Purged deleteOlderThan(Instant cutoff) throws SQLException {
        return Retention.delete(connection, cutoff);
    }

    /** Erases the author (null: every author not erased yet) of every change listing it ({@link ChangeAuthors}). */
    public int eraseAuthors(String author, ChangeAuthors.Erasure erasure) throws SQLException {
        return ChangeAuthors.erase(connection, author, erasure);
    }

    /** Per change of the stored deployment whose author was erased: the author stored now (pseudonym or null). */
    public java.util.Map<String, String> erasedAuthors(String deploymentId) throws SQLException {
        return ChangeAuthors.erasedOf(connection, deploymentId);
    }

    /** Whether the void's target is stored, and whether it is voided now. */
    public boolean isStored(Voiding voiding) throws SQLException {
        return VoidRows.state(connection, voiding.targetType(), voiding.targetId()) != VoidRows.State.ABSENT;
    }

    public boolean isVoided(Voiding voiding) throws SQLException {
        return VoidRows.state(connection, voiding.targetType(), voiding.targetId()) == VoidRows.State.VOIDED;
    }

    /** Marks or unmarks the target, now, and appends the event to the audit trail. */
    public void apply(Voiding voiding) throws SQLException {
        VoidRows.apply(connection, voiding, now);
        if (voiding.targetType() == Voiding.TargetType.DEPLOYMENT) {
            if (voiding.action() == Voiding.Action.VOID) {
                FirstListings.withdraw(connection, voiding.targetId());
            } else {
                FirstListings.offer(connection,
                        List.of(DeploymentRows.find(connection, voiding.targetId()).orElseThrow()), postgres);
            }
        }
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
        } finally {
            release(embeddedTurn);
        }
    }
}
