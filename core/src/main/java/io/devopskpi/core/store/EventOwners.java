package io.devopskpi.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The table {@code event_owner}: which teams and suppliers the deployments and incidents of an environment's
 * applications name as their own (an explicit {@code team} or {@code supplier} on the event), so that a team's or
 * supplier's read knows every application whose events can be attributed to it without reading the events. Rows
 * are only added: a read needs a superset, so voids, corrections and retention leave them.
 */
final class EventOwners {
    /** An application's event naming a team or supplier. */
    record Named(String kind, String owner, String environment, String application) {
    }

    /** The owner kinds, spelled as the KPI engine's scope kinds (kpi.Scope.Kind), which read them by name. */
    static final String TEAM = "TEAM";
    static final String SUPPLIER = "SUPPLIER";

    private static final String INSERT = "INSERT INTO event_owner (owner_kind, owner, environment, application)"
            + " VALUES (?, ?, ?, ?)";

    private EventOwners() {
    }

    /** The owners an event names: its team and its supplier, where given. */
    static Stream<Named> named(String team, String supplier, String environment, String application) {
        return Stream.of(team == null ? null : new Named(TEAM, team, environment, application),
                supplier == null ? null : new Named(SUPPLIER, supplier, environment, application))
                .filter(Objects::nonNull);
    }

    /**
     * Records the names not recorded yet (a batch names few: the set holds each once). Writers run one at a time
     * (every ingestion transaction first updates {@code write_lock}), so the look-up and the insert cannot race.
     */
    static void record(Connection c, boolean postgres, Set<Named> named) throws SQLException {
        if (named.isEmpty()) {
            return;
        }
        if (postgres) {
            // one statement batch, no look-up per name: a name recorded already is left as it is
            insert(c, INSERT + " ON CONFLICT DO NOTHING", List.copyOf(named));
            return;
        }
        List<Named> missing = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM event_owner WHERE owner_kind = ? AND owner = ? "
                + "AND environment = ? AND application = ?")) {
            for (Named n : named) {
                bind(s, n);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        missing.add(n);
                    }
                }
            }
        }
        insert(c, INSERT, missing);
    }

    private static void insert(Connection c, String sql, List<Named> names) throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Named n : names) {
                bind(s, n);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void bind(PreparedStatement s, Named n) throws SQLException {
        s.setString(1, n.kind());
        s.setString(2, n.owner());
        s.setString(3, n.environment());
        s.setString(4, n.application());
    }
}
