package io.devopskpi.core.query;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.store.SqlArgs;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreRead;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The teams that deliver or operate the applications of {@link ApplicationList} at the window's end, each with
 * those applications, sorted by name and paged in SQL; {@code unassigned} holds the applications without a team.
 */
public final class TeamList {
    private static final String PAIRS = ", pairs AS (SELECT application, delivery_team AS team FROM owners "
            + "UNION SELECT application, operations_team AS team FROM owners) ";

    private final Store store;
    private final Clock clock;

    public TeamList(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ResultPage<TeamSummary> list(KpiQuery query, Page page) {
        Instant at = Ownership.at(query, clock.instant());
        return StoreRead.snapshot(store, "the teams", read -> new ResultPage<>(
                items(read, query, at, page), total(read, query, at), page));
    }

    /** Every team of the list, read a page at a time on one snapshot. */
    public List<TeamSummary> all(KpiQuery query) {
        Instant at = Ownership.at(query, clock.instant());
        return StoreRead.snapshot(store, "the teams", read -> Page.every(page -> items(read, query, at, page)));
    }

    private static List<TeamSummary> items(StoreRead read, KpiQuery query, Instant at, Page page)
            throws SQLException {
        SqlArgs args = new SqlArgs();
        String sql = Ownership.ownersAt(query, at, args) + PAIRS
                + ", page AS (SELECT DISTINCT team FROM pairs ORDER BY team LIMIT ? OFFSET ?) "
                + "SELECT pairs.team, pairs.application FROM pairs JOIN page ON page.team = pairs.team "
                + "ORDER BY pairs.team, pairs.application";
        args.add(page.limit(), page.offset());
        Map<String, List<String>> applications = new LinkedHashMap<>();
        read.forEach(sql, args, rs -> applications.computeIfAbsent(rs.getString("team"), t -> new ArrayList<>())
                .add(rs.getString("application")));
        List<TeamSummary> teams = new ArrayList<>();
        applications.forEach((team, names) -> teams.add(new TeamSummary(team, names)));
        return teams;
    }

    private static long total(StoreRead read, KpiQuery query, Instant at) throws SQLException {
        SqlArgs args = new SqlArgs();
        String sql = Ownership.ownersAt(query, at, args) + PAIRS + "SELECT COUNT(DISTINCT team) FROM pairs";
        return read.count(sql, args);
    }
}
