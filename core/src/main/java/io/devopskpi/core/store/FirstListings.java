package io.devopskpi.core.store;

import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lead time's fact, kept in {@code change_first_listing} on the writer's transaction: per environment, application
 * and change, the first SUCCESS deployment that lists the change and is not voided (metrics.md: a change counts
 * once, on the first SUCCESS deployment in order of its application and environment that lists it, with the commit
 * time given there). Every write that can change which listing is first keeps it: a new SUCCESS deployment (also a
 * late one, earlier than the stored first), a void and an unvoid, and retention's deletes. A window's lead time is
 * then one range read of the rows whose deployment finished in it.
 */
final class FirstListings {
    private static final int CHUNK = 500;
    private static final String SUCCESSFUL_LISTINGS = "SELECT d.environment, d.application, c.change_id, d.id,"
            + " d.finished, d.started, c.committed FROM deployment_change c JOIN deployment d ON d.id = c.deployment_id"
            + " WHERE d.result = 'SUCCESS' AND d.voided_at IS NULL";

    private static final String INSERT = "INSERT INTO change_first_listing (environment, application, change_id,"
            + " deployment_id, finished, started, committed) VALUES (?, ?, ?, ?, ?, ?, ?)";
    /**
     * PostgreSQL: a listing becomes its change's first unless the stored first precedes it ({@link Listing#ORDER}:
     * finished, started, then the deployment id; {@code COLLATE "C"} compares ids byte by byte in UTF-8, which is
     * Java's order except between a character above U+FFFF and one from U+E000 to U+FFFF, where Java's UTF-16
     * order differs; two such ids would also need equal finished and started times to meet here). Without
     * looking the stored firsts up first, a batch of 1,000 deployments spends one round trip here instead of
     * about thirty look-ups of 100 keys each, planned anew in every writer's transaction.
     */
    private static final String UPSERT = INSERT + " ON CONFLICT (environment, application, change_id) DO UPDATE SET"
            + " deployment_id = EXCLUDED.deployment_id, finished = EXCLUDED.finished, started = EXCLUDED.started,"
            + " committed = EXCLUDED.committed WHERE (EXCLUDED.finished, EXCLUDED.started,"
            + " EXCLUDED.deployment_id COLLATE \"C\") < (change_first_listing.finished, change_first_listing.started,"
            + " change_first_listing.deployment_id COLLATE \"C\")";

    private FirstListings() {
    }

    /** A change of an application in an environment. */
    record Key(String environment, String application, String change) {
    }

    /** One listing of a change: its deployment's order (metrics.md, "Order") and the commit time given there. */
    record Listing(String deployment, Instant finished, Instant started, Instant committed) {
        static final Comparator<Listing> ORDER = Comparator.comparing(Listing::finished)
                .thenComparing(Listing::started).thenComparing(Listing::deployment);

        boolean precedes(Listing other) {
            return ORDER.compare(this, other) < 0;
        }
    }

    /**
     * Newly stored (or unvoided) deployments: where one is SUCCESS and lists a change earlier than its stored first
     * (or the change has none), it becomes the change's first. On PostgreSQL one statement batch decides that in
     * the database ({@link #UPSERT}); elsewhere the stored firsts are looked up, compared here and replaced.
     */
    static void offer(Connection c, List<Deployment> deployments, boolean postgres) throws SQLException {
        Map<Key, Listing> offered = new LinkedHashMap<>();
        for (Deployment d : deployments) {
            if (d.result() == DeploymentResult.SUCCESS) {
                for (Change change : d.changes()) {
                    keepFirst(offered, new Key(d.environment(), d.application(), change.id()),
                            new Listing(d.id(), d.finished(), d.started(), change.committed()));
                }
            }
        }
        if (postgres) {
            insert(c, UPSERT, offered);
            return;
        }
        Map<Key, Listing> stored = stored(c, List.copyOf(offered.keySet()));
        Map<Key, Listing> firsts = new HashMap<>();
        List<Key> replaced = new ArrayList<>();
        offered.forEach((key, listing) -> {
            Listing current = stored.get(key);
            if (current == null || listing.precedes(current)) {
                firsts.put(key, listing);
                if (current != null) {
                    replaced.add(key);
                }
            }
        });
        delete(c, replaced);
        insert(c, firsts);
    }

    /**
     * The stored first listings of the keys, by {@link SqlArgs#lookUps key look-ups}. Not a row-value {@code IN}:
     * PostgreSQL, before statistics exist (a bulk load outruns autovacuum), read that as a filter over the
     * environment's every row (1.2 s for 500 keys of 150,000 rows, against 2 ms this way).
     */
    private static Map<Key, Listing> stored(Connection c, List<Key> keys) throws SQLException {
        Map<Key, Listing> stored = new HashMap<>();
        String one = "SELECT environment, application, change_id, deployment_id, finished, started, committed"
                + " FROM change_first_listing WHERE environment = ? AND application = ? AND change_id = ?";
        for (int start = 0; start < keys.size(); start += SqlArgs.LOOK_UPS) {
            List<Key> chunk = keys.subList(start, Math.min(keys.size(), start + SqlArgs.LOOK_UPS));
            SqlArgs args = new SqlArgs();
            chunk.forEach(k -> args.add(k.environment(), k.application(), k.change()));
            String sql = SqlArgs.lookUps(one, chunk.size());
            try (PreparedStatement s = args.prepare(c, sql); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)), listing(rs, 4));
                }
            }
        }
        return stored;
    }

    /** A voided deployment: the changes it listed first get the next listing as their first, if any. */
    static void withdraw(Connection c, String deploymentId) throws SQLException {
        List<Key> keys = new ArrayList<>();
        // through the deployment's own changes: an index on deployment_id would slow every insert for a rare void
        try (PreparedStatement s = c.prepareStatement("SELECT f.environment, f.application, f.change_id"
                + " FROM deployment d JOIN deployment_change c ON c.deployment_id = d.id JOIN change_first_listing f"
                + " ON f.environment = d.environment AND f.application = d.application AND f.change_id = c.change_id"
                + " WHERE d.id = ? AND f.deployment_id = d.id")) {
            s.setString(1, deploymentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(new Key(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        delete(c, keys);
        refill(c, keys);
    }

    /**
     * Before retention deletes the deployments finished before {@code cutoff}: removes the first listings on them
     * and returns their keys, to be {@link #refill refilled} from what remains once the deployments are gone.
     */
    static List<Key> dropBefore(Connection c, Instant cutoff) throws SQLException {
        List<Key> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT environment, application, change_id"
                + " FROM change_first_listing WHERE finished < ?")) {
            Sql.setInstant(s, 1, cutoff);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(new Key(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM change_first_listing WHERE finished < ?")) {
            Sql.setInstant(s, 1, cutoff);
            s.executeUpdate();
        }
        return keys;
    }

    /** Stores the first of the remaining listings of each key (whose row is absent), if it has any. */
    static void refill(Connection c, Collection<Key> keys) throws SQLException {
        Set<Key> wanted = Set.copyOf(keys);
        List<String> changes = new ArrayList<>(new LinkedHashSet<>(keys.stream().map(Key::change).toList()));
        Map<Key, Listing> firsts = new HashMap<>();
        for (int start = 0; start < changes.size(); start += CHUNK) {
            List<String> chunk = changes.subList(start, Math.min(changes.size(), start + CHUNK));
            SqlArgs args = new SqlArgs();
            String sql = SUCCESSFUL_LISTINGS + " AND c.change_id IN (" + args.placeholders(chunk) + ")";
            try (PreparedStatement s = args.prepare(c, sql); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Key key = new Key(rs.getString(1), rs.getString(2), rs.getString(3));
                    if (wanted.contains(key)) {
                        keepFirst(firsts, key, listing(rs, 4));
                    }
                }
            }
        }
        insert(c, firsts);
    }

    /**
     * Every first listing from the stored deployments, one application and environment at a time (so memory
     * follows one application's changes, not the store's), reporting progress: the V8 migration.
     */
    static void fill(Connection c, Progress progress) throws SQLException {
        List<String[]> scopes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT application, environment FROM deployment"
                + " WHERE result = 'SUCCESS' AND voided_at IS NULL"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                scopes.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        int done = 0;
        for (String[] scope : scopes) {
            Map<Key, Listing> firsts = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(SUCCESSFUL_LISTINGS
                    + " AND d.application = ? AND d.environment = ?")) {
                s.setString(1, scope[0]);
                s.setString(2, scope[1]);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        keepFirst(firsts, new Key(rs.getString(1), rs.getString(2), rs.getString(3)),
                                listing(rs, 4));
                    }
                }
            }
            insert(c, firsts);
            progress.done(++done, scopes.size());
        }
    }

    /** Progress of {@link #fill}: applications (per environment) done of all. */
    @FunctionalInterface
    interface Progress {
        void done(int done, int of);
    }

    private static void keepFirst(Map<Key, Listing> firsts, Key key, Listing listing) {
        firsts.merge(key, listing, (a, b) -> b.precedes(a) ? b : a);
    }

    private static Listing listing(ResultSet rs, int first) throws SQLException {
        return new Listing(rs.getString(first), instant(rs, first + 1), instant(rs, first + 2),
                instant(rs, first + 3));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static void delete(Connection c, List<Key> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM change_first_listing"
                + " WHERE environment = ? AND application = ? AND change_id = ?")) {
            for (Key key : keys) {
                s.setString(1, key.environment());
                s.setString(2, key.application());
                s.setString(3, key.change());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void insert(Connection c, Map<Key, Listing> firsts) throws SQLException {
        insert(c, INSERT, firsts);
    }

    private static void insert(Connection c, String sql, Map<Key, Listing> firsts) throws SQLException {
        if (firsts.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Map.Entry<Key, Listing> first : firsts.entrySet()) {
                Key key = first.getKey();
                Listing listing = first.getValue();
                s.setString(1, key.environment());
                s.setString(2, key.application());
                s.setString(3, key.change());
                s.setString(4, listing.deployment());
                Sql.setInstant(s, 5, listing.finished());
                Sql.setInstant(s, 6, listing.started());
                Sql.setInstant(s, 7, listing.committed());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
