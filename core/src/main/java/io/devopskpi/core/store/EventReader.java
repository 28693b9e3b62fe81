package io.devopskpi.core.store;

import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.model.Survey;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.Incident;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
                    + " WHERE application = ? AND pipeline IS NOT NULL AND voided_at IS NULL ORDER BY pipeline")) {
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

    /** Every pipeline (CI job name) that deployed anything, in name order. */
    public List<String> allPipelines() {
        return read("the pipelines", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT pipeline FROM deployment"
                    + " WHERE pipeline IS NOT NULL AND voided_at IS NULL ORDER BY pipeline");
                    ResultSet rs = s.executeQuery()) {
                List<String> pipelines = new ArrayList<>();
                while (rs.next()) {
                    pipelines.add(rs.getString(1));
                }
                return pipelines;
            }
        });
    }

    /**
     * What the pipeline (a CI job's full name) deployed most recently: the application, environment, kind and team
     * of its latest deployment of any result (by finished, started, id); empty when it never deployed. Indexed: a
     * CI asks this on every view of a job page.
     */
    public Optional<DeploymentTarget> lastTargetOf(String pipeline) {
        return read("what pipeline '" + pipeline + "' deployed last", c -> DeploymentRows.lastTargetOf(c, pipeline));
    }

    /** The id of the application's latest SUCCESS deployment to the environment (by finish time), if any. */
    public Optional<String> lastSuccessfulDeployment(String application, String environment) {
        return read("the last successful deployment of '" + application + "' to '" + environment + "'", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM deployment WHERE application = ?"
                    + " AND environment = ? AND result = 'SUCCESS' AND voided_at IS NULL ORDER BY finished DESC, started DESC, id DESC"
                    + " FETCH FIRST 1 ROWS ONLY")) {
                s.setString(1, application);
                s.setString(2, environment);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Every application's tags, by application. */
    public List<ApplicationProfile> profiles() {
        return read("the application tags", GovernanceRows::profiles);
    }

    /** The applications whose profile carries the tag (empty when none has it). */
    public Set<String> applicationsTagged(String tag) {
        Set<String> names = new TreeSet<>();
        profiles().stream().filter(p -> p.tags().contains(tag)).forEach(p -> names.add(p.application()));
        return names;
    }

    /** The supplier's contract targets (every supplier's when null), by supplier, applications, metric, from. */
    public List<ContractTarget> targets(String supplier) {
        return read("the contract targets", c -> GovernanceRows.targets(c, supplier));
    }

    /** Every survey, by from, then id. */
    public List<Survey> surveys() {
        return read("the surveys", GovernanceRows::surveys);
    }

    /** The stored gate policies, by name. */
    public List<GatePolicy> policies() {
        return read("the gate policies", GovernanceRows::policies);
    }

    public Optional<GatePolicy> findPolicy(String name) {
        return read("policy '" + name + "'", c -> GovernanceRows.policy(c, name));
    }

    /** Every assignment, ordered by application, responsibility, then from (in Java, whatever the collation). */
    public List<Assignment> allAssignments() {
        return read("the assignments", AssignmentRows::all);
    }

    /**
     * How many events are stored: deployments, incidents, assignments, contract targets, surveys and policies,
     * and one per application with tags.
     */
    public long countEvents() {
        return read("the number of events", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT (SELECT COUNT(*) FROM deployment)"
                    + " + (SELECT COUNT(*) FROM incident) + (SELECT COUNT(*) FROM assignment)"
                    + " + (SELECT COUNT(DISTINCT application) FROM application_tag)"
                    + " + (SELECT COUNT(*) FROM contract_target) + (SELECT COUNT(*) FROM survey)"
                    + " + (SELECT COUNT(*) FROM gate_policy)");
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
