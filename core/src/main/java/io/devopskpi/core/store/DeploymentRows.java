package io.devopskpi.core.store;

import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.Deployment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deployments in the tables deployment, deployment_change and deployment_component, on a connection the caller
 * owns (its transaction). Changes are read back ordered by commit time then id, components by name: the schema
 * keeps them as sets, which is also how re-sends are compared.
 */
final class DeploymentRows {
    /**
     * The indexed stand-in of a pipeline's name (V3 migration): its first 200 characters, computed by the database
     * from a bound name, the same way for stored rows and for lookups.
     */
    static final String PIPELINE_PREFIX = "SUBSTRING(? FROM 1 FOR 200)";

    private DeploymentRows() {
    }

    /** What the pipeline's latest deployment (by finished, started, id; any result) deployed, if it made any. */
    static Optional<DeploymentTarget> lastTargetOf(Connection c, String pipeline) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT application, environment, kind, team FROM deployment"
                + " WHERE pipeline_prefix = " + PIPELINE_PREFIX + " AND pipeline = ? AND voided_at IS NULL"
                + " ORDER BY finished DESC, started DESC, id DESC FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, pipeline);
            s.setString(2, pipeline);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new DeploymentTarget(rs.getString("application"),
                        rs.getString("environment"), StoredValues.countedKind(rs.getString("kind")),
                        rs.getString("team"))) : Optional.empty();
            }
        }
    }

    static Optional<Deployment> find(Connection c, String id) throws SQLException {
        Deployment.Builder builder = Deployment.builder(id);
        try (PreparedStatement s = c.prepareStatement("SELECT application, environment, started, finished, result,"
                + " kind, revision, pipeline, url, imported, team, supplier FROM deployment WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                builder.application(rs.getString("application"))
                        .environment(rs.getString("environment"))
                        .started(Sql.getInstant(rs, "started"))
                        .finished(Sql.getInstant(rs, "finished"))
                        .result(known(id, "result", rs.getString("result"), StoredValues::result))
                        .kind(known(id, "kind", rs.getString("kind"), StoredValues::kind))
                        .revision(rs.getString("revision"))
                        .pipeline(rs.getString("pipeline"))
                        .url(rs.getString("url"))
                        .imported(rs.getBoolean("imported"))
                        .team(rs.getString("team"))
                        .supplier(rs.getString("supplier"));
            }
        }
        return Optional.of(builder.changes(changes(c, id)).components(components(c, id)).build());
    }

    /**
     * A stored constant that a deployment compared with a re-send must have: a value only a newer version knows
     * cannot be compared, so the re-send fails with a message naming the deployment, the field and the value.
     */
    private static <T> T known(String id, String field, String stored,
            java.util.function.Function<String, Optional<T>> parse) {
        return parse.apply(stored).orElseThrow(() -> new IllegalStateException("deployment '" + id + "' is stored "
                + "with " + field + " '" + stored + "', which this version does not know (written by a newer "
                + "version?)"));
    }

    private static List<Change> changes(Connection c, String deploymentId) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT change_id, committed, author FROM deployment_change"
                + " WHERE deployment_id = ? ORDER BY committed, change_id")) {
            s.setString(1, deploymentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Change(rs.getString("change_id"), Sql.getInstant(rs, "committed"),
                            rs.getString("author")));
                }
            }
        }
        return changes;
    }

    private static List<Component> components(Connection c, String deploymentId) throws SQLException {
        List<Component> components = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, component_version FROM deployment_component"
                + " WHERE deployment_id = ? ORDER BY name")) {
            s.setString(1, deploymentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    components.add(new Component(rs.getString("name"), rs.getString("component_version")));
                }
            }
        }
        return components;
    }

    /** Of the given deployment ids, those stored (voided or not), by {@link SqlArgs#lookUps key look-ups}. */
    static Set<String> stored(Connection c, Collection<String> ids) throws SQLException {
        Set<String> stored = new HashSet<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int start = 0; start < all.size(); start += SqlArgs.LOOK_UPS) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + SqlArgs.LOOK_UPS));
            SqlArgs args = new SqlArgs().add(chunk.toArray());
            String sql = SqlArgs.lookUps("SELECT id FROM deployment WHERE id = ?", chunk.size());
            try (PreparedStatement s = args.prepare(c, sql); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
        }
        return stored;
    }

    /** Inserts new deployments with their changes and components, one statement batch per table. */
    static void insert(Connection c, List<Deployment> deployments, Instant recordedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO deployment (id, application, environment,"
                + " started, finished, result, kind, revision, pipeline, url, imported, team, supplier, recorded_at,"
                + " pipeline_prefix) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + PIPELINE_PREFIX + ")")) {
            for (Deployment d : deployments) {
                s.setString(1, d.id());
                s.setString(2, d.application());
                s.setString(3, d.environment());
                Sql.setInstant(s, 4, d.started());
                Sql.setInstant(s, 5, d.finished());
                s.setString(6, d.result().name());
                s.setString(7, d.kind().name());
                s.setString(8, d.revision());
                s.setString(9, d.pipeline());
                s.setString(10, d.url());
                s.setBoolean(11, d.imported());
                s.setString(12, d.team());
                s.setString(13, d.supplier());
                Sql.setInstant(s, 14, recordedAt);
                s.setString(15, d.pipeline());
                s.addBatch();
            }
            s.executeBatch();
        }
        if (deployments.stream().anyMatch(d -> !d.changes().isEmpty())) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO deployment_change (deployment_id, change_id,"
                    + " committed, author) VALUES (?, ?, ?, ?)")) {
                for (Deployment d : deployments) {
                    for (Change change : d.changes()) {
                        s.setString(1, d.id());
                        s.setString(2, change.id());
                        Sql.setInstant(s, 3, change.committed());
                        s.setString(4, change.author());
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
        }
        if (deployments.stream().anyMatch(d -> !d.components().isEmpty())) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO deployment_component (deployment_id, name,"
                    + " component_version) VALUES (?, ?, ?)")) {
                for (Deployment d : deployments) {
                    for (Component component : d.components()) {
                        s.setString(1, d.id());
                        s.setString(2, component.name());
                        s.setString(3, component.version());
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
        }
    }
}
