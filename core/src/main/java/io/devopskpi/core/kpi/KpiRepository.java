package io.devopskpi.core.kpi;

import io.devopskpi.core.attribution.AttributionSql;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.model.Severity;
import io.devopskpi.core.store.Sql;
import io.devopskpi.core.store.SqlArgs;
import io.devopskpi.core.store.StoreRead;
import io.devopskpi.core.store.StoredValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The SQL behind the KPI engine. Every query is bounded by environment, window and (for a read of some
 * applications, {@link Narrowing}) by application; look-ups beyond the window fetch one group of rows per
 * application or per failed change.
 * Voided deployments and incidents (api.md, "Void") are left out of every query, as if they were not stored.
 * Ties in the deployment order are broken in Java ({@link DeploymentRecord#ORDER}), never by SQL string
 * collation, so H2 and PostgreSQL give the same answers.
 */
final class KpiRepository {
    private static final AttributionSql DELIVERY = AttributionSql.ofDeployments("d");
    private static final AttributionSql OPERATIONS = AttributionSql.ofIncidents("i");
    /** The deployments with their DELIVERY attribution, not looked up against incidents. */
    private static final String DEPLOYMENTS = "SELECT d.id, d.application, d.started, d.finished, d.result, "
            + "d.kind, d.imported, " + DELIVERY.columns() + ", 0 AS during_incident FROM deployment d "
            + DELIVERY.join();
    private static final String INCIDENT_COLUMNS = "SELECT i.id, i.application, i.started, i.detected, i.resolved, "
            + "i.cause, i.severity_level, " + OPERATIONS.columns() + " FROM incident i " + OPERATIONS.join()
            + "WHERE i.voided_at IS NULL ";

    private final StoreRead read;
    private final String environment;
    private final List<String> applications;
    private final boolean failureIsFailedChange;

    private KpiRepository(StoreRead read, String environment, List<String> applications,
            boolean failureIsFailedChange) {
        this.read = read;
        this.environment = environment;
        this.applications = applications;
        this.failureIsFailedChange = failureIsFailedChange;
    }

    /**
     * A repository of some of the environment's applications.
     *
     * @param applications the applications whose events are read, or null for every application of the
     *                     environment. Every KPI of an application is computed from that application's own events
     *                     (and those after the window), so leaving others out changes no value of the ones kept.
     */
    static KpiRepository of(StoreRead read, String environment, Set<String> applications,
            boolean failureIsFailedChange) {
        return new KpiRepository(read, environment,
                applications == null ? null : List.copyOf(new TreeSet<>(applications)), failureIsFailedChange);
    }

    /** Whether this repository reads every application of the environment. */
    boolean wholeEnvironment() {
        return applications == null;
    }

    /**
     * Deployments of any result that finished in [from, to), in order, each knowing whether it started during an
     * incident of its application and environment (rework). That is decided here from one read of the incidents
     * that can contain a start, not by a sub-query per deployment, which read every earlier incident of the
     * application again for each of its deployments.
     */
    List<DeploymentRecord> deploymentsFinishedIn(Instant from, Instant to) throws SQLException {
        SqlArgs args = new SqlArgs().add(environment, from, to);
        String sql = DEPLOYMENTS + "WHERE d.environment = ? AND d.finished >= ? AND d.finished < ? "
                + "AND d.voided_at IS NULL" + applicationFilter("d", args);
        List<DeploymentRecord> finished = read.list(sql, args, this::deployment);
        if (finished.isEmpty()) {
            return finished;
        }
        Map<String, List<Instant[]>> incidents = incidentsContainingStartsOf(finished);
        List<DeploymentRecord> result = new ArrayList<>(finished.size());
        for (DeploymentRecord d : finished) {
            boolean during = false;
            for (Instant[] incident : incidents.getOrDefault(d.application(), List.of())) {
                // metrics.md, rework: started <= d.started and (unresolved or d.started < resolved)
                if (!incident[0].isAfter(d.started()) && (incident[1] == null || d.started().isBefore(incident[1]))) {
                    during = true;
                    break;
                }
            }
            result.add(during ? new DeploymentRecord(d.id(), d.application(), d.started(), d.finished(), d.result(),
                    d.kind(), d.imported(), d.delivery(), true) : d);
        }
        result.sort(DeploymentRecord.ORDER);
        return result;
    }

    /**
     * Per application, [started, resolved) of the environment's incidents that can contain the start of one of
     * the deployments: started at or before the latest start, and unresolved or resolved after the earliest.
     */
    private Map<String, List<Instant[]>> incidentsContainingStartsOf(List<DeploymentRecord> deployments)
            throws SQLException {
        Instant earliest = deployments.stream().map(DeploymentRecord::started).min(Instant::compareTo).orElseThrow();
        Instant latest = deployments.stream().map(DeploymentRecord::started).max(Instant::compareTo).orElseThrow();
        SqlArgs args = new SqlArgs().add(environment, latest, earliest);
        String sql = "SELECT i.application, i.started, i.resolved FROM incident i WHERE i.environment = ? "
                + "AND i.started <= ? AND (i.resolved IS NULL OR i.resolved > ?) AND i.voided_at IS NULL"
                + applicationFilter("i", args);
        Map<String, List<Instant[]>> incidents = new HashMap<>();
        read.forEach(sql, args, rs -> incidents.computeIfAbsent(rs.getString("application"),
                a -> new ArrayList<>()).add(new Instant[] {Sql.getInstant(rs, "started"),
                        Sql.getInstant(rs, "resolved")}));
        return incidents;
    }

    /**
     * The first deployment of the application in order that finished at or after {@code from} and is a change
     * attempt (SUCCESS or counted FAILURE), or a SUCCESS when {@code successOnly}; null when there is none.
     */
    DeploymentRecord firstFinishedAtOrAfter(String app, Instant from, boolean successOnly) throws SQLException {
        return first(app, from, ">=", resultList(successOnly));
    }

    /** How far past a window {@link #firstsAtOrAfter} reads all applications at once before asking one by one. */
    static final Duration LOOK_AHEAD = Duration.ofDays(7);

    /** An application's first change attempt and first SUCCESS at or after a time; null where there is none. */
    record Firsts(DeploymentRecord attempt, DeploymentRecord success) {
    }

    /**
     * {@link #firstFinishedAtOrAfter} of each application, attempt and success: the deployments of the next
     * {@link #LOOK_AHEAD} (or of all later history, when that is shorter) in one read, then one indexed look-up per
     * application still without an answer. One look-up per application and window made a quarter of 500
     * applications cost a thousand queries (scale benchmark).
     */
    Map<String, Firsts> firstsAtOrAfter(Set<String> applications, Instant bound) throws SQLException {
        Map<String, DeploymentRecord> attempts = new HashMap<>();
        Map<String, DeploymentRecord> successes = new HashMap<>();
        if (!applications.isEmpty() && anyFinishedAtOrAfter(bound)) {
            Instant end = bound.plus(LOOK_AHEAD);
            boolean wholeHistory = !anyFinishedAtOrAfter(end);
            SqlArgs args = new SqlArgs().add(environment, bound);
            if (!wholeHistory) {
                args.add(end);
            }
            String sql = DEPLOYMENTS + "WHERE d.environment = ? AND d.result IN (" + resultList(false) + ") "
                    + "AND d.voided_at IS NULL AND d.finished >= ?" + (wholeHistory ? "" : " AND d.finished < ?")
                    + applicationFilter("d", args);
            read.forEach(sql, args, rs -> {
                DeploymentRecord d = deployment(rs);
                if (applications.contains(d.application())) {
                    attempts.merge(d.application(), d, KpiRepository::earlier);
                    if (d.isSuccess()) {
                        successes.merge(d.application(), d, KpiRepository::earlier);
                    }
                }
            });
            if (!wholeHistory) {
                for (String app : applications) {
                    if (!attempts.containsKey(app)) {
                        attempts.put(app, firstFinishedAtOrAfter(app, end, false));
                    }
                    if (!successes.containsKey(app)) {
                        successes.put(app, firstFinishedAtOrAfter(app, end, true));
                    }
                }
            }
        }
        Map<String, Firsts> firsts = new HashMap<>();
        for (String app : applications) {
            firsts.put(app, new Firsts(attempts.get(app), successes.get(app)));
        }
        return firsts;
    }

    private static DeploymentRecord earlier(DeploymentRecord a, DeploymentRecord b) {
        return DeploymentRecord.ORDER.compare(a, b) <= 0 ? a : b;
    }

    /**
     * Whether a live deployment of the environment (or of the read's applications) finished at or after a time: a
     * range probe of an index, where the latest finished time (a maximum under a filter) read every deployment of
     * the applications.
     */
    private boolean anyFinishedAtOrAfter(Instant time) throws SQLException {
        SqlArgs args = new SqlArgs().add(environment, time);
        // FETCH FIRST: planned for one row (an index scan that stops), not for every later deployment
        return read.any("SELECT 1 FROM deployment d WHERE d.environment = ? AND d.finished >= ? "
                + "AND d.voided_at IS NULL" + applicationFilter("d", args) + " FETCH FIRST 1 ROWS ONLY", args);
    }

    /** The first SUCCESS deployment of the application in order with finished strictly after {@code after}. */
    DeploymentRecord firstSuccessFinishedAfter(String app, Instant after) throws SQLException {
        return first(app, after, ">", resultList(true));
    }

    /** The group of deployments at the smallest qualifying finished time, the tie broken in Java. */
    private DeploymentRecord first(String app, Instant bound, String comparison, String results)
            throws SQLException {
        String sql = DEPLOYMENTS + "WHERE d.environment = ? AND d.application = ? AND d.result IN (" + results + ") "
                + "AND d.voided_at IS NULL AND d.finished = "
                + "(SELECT MIN(finished) FROM deployment WHERE environment = ? AND application = ? "
                + "AND result IN (" + results + ") AND voided_at IS NULL AND finished " + comparison + " ?)";
        SqlArgs args = new SqlArgs().add(environment, app, environment, app, bound);
        return read.list(sql, args, this::deployment).stream().min(DeploymentRecord.ORDER).orElse(null);
    }

    /**
     * The first listing of each change (per application; lead time, metrics.md) whose first SUCCESS deployment
     * finished in [from, to): one range read of the fact the writers keep ({@code change_first_listing}), each
     * listing on its deployment of {@code window} (the window's deployments, by id). A read of some applications
     * uses the fact's index by application and window (V9); reaching the fact from the window's deployments
     * through their changes instead spared that index's cost at ingest but made a supplier's quarter 2 to 4 times
     * slower (docs/performance.md).
     */
    List<ChangeListing> firstListingsIn(Instant from, Instant to, Map<String, DeploymentRecord> window)
            throws SQLException {
        SqlArgs args = new SqlArgs().add(environment, from, to);
        String sql = "SELECT f.deployment_id, f.committed FROM change_first_listing f "
                + "WHERE f.environment = ? AND f.finished >= ? AND f.finished < ?" + applicationFilter("f", args);
        List<ChangeListing> listings = new ArrayList<>();
        read.forEach(sql, args, rs -> {
            DeploymentRecord d = window.get(rs.getString(1));
            if (d != null && d.isSuccess()) {
                listings.add(new ChangeListing(Sql.getInstant(rs, 2), d));
            }
        });
        return listings;
    }

    /**
     * Per SUCCESS deployment of the environment that finished in [from, to): component name → version. A store
     * that holds no component at all answers without the join, which otherwise reads every deployment of the
     * window to find none (at a million deployments on H2, half a second per quarter).
     */
    Map<String, Map<String, String>> componentsOfSuccessesIn(Instant from, Instant to) throws SQLException {
        if (!read.any("SELECT 1 FROM deployment_component", new SqlArgs())) {
            return Map.of();
        }
        String sql = "SELECT d.id, c.name, c.component_version FROM deployment d "
                + "JOIN deployment_component c ON c.deployment_id = d.id "
                + "WHERE d.environment = ? AND d.result = 'SUCCESS' AND d.finished >= ? AND d.finished < ? "
                + "AND d.voided_at IS NULL";
        Map<String, Map<String, String>> components = new HashMap<>();
        read.forEach(sql, new SqlArgs().add(environment, from, to), rs -> components.computeIfAbsent(
                rs.getString(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3)));
        return components;
    }

    /**
     * Incidents (anywhere) whose cause names one of the given deployments: the change attempts (SUCCESS or
     * FAILURE, live, any scope) of the read's applications that finished in [from, to). Read environment-wide on
     * PostgreSQL, that is one statement joining the window's attempts to the incidents that name a cause (at a
     * million deployments a quarter holds 125,000 attempts: a hash join of 60 ms, where looking them up 500 ids at
     * a time took 250 statements and about 250 ms). For some applications their ids are looked up, an index probe
     * each (a join would read every incident of the store for one application's few attempts), and so they are on
     * H2, where the join made everything for a quarter at a million deployments 300 ms slower.
     */
    List<IncidentRecord> incidentsCausedBy(Collection<String> deploymentIds, Instant from, Instant to)
            throws SQLException {
        if (!wholeEnvironment() || !read.isPostgres()) {
            return incidentsCausedBy(deploymentIds);
        }
        SqlArgs args = new SqlArgs().add(environment, from, to);
        String sql = INCIDENT_COLUMNS + "AND i.cause IN (SELECT c.id FROM deployment c WHERE c.environment = ? "
                + "AND c.finished >= ? AND c.finished < ? AND c.result IN ('SUCCESS', 'FAILURE') "
                + "AND c.voided_at IS NULL)";
        return read.list(sql, args, KpiRepository::incident);
    }

    /** Incidents (anywhere) whose cause names one of the given deployments. */
    List<IncidentRecord> incidentsCausedBy(Collection<String> deploymentIds) throws SQLException {
        List<IncidentRecord> result = new ArrayList<>();
        List<String> ids = new ArrayList<>(deploymentIds);
        for (int start = 0; start < ids.size(); start += 500) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + 500));
            SqlArgs args = new SqlArgs();
            String sql = INCIDENT_COLUMNS + "AND i.cause IN (" + args.placeholders(chunk) + ")";
            result.addAll(read.list(sql, args, KpiRepository::incident));
        }
        return result;
    }

    /**
     * Incidents of the environment that started in [from, to) and name no usable cause (no stored deployment
     * with that id that is a change attempt): the candidates of failure rule 3.
     */
    List<IncidentRecord> incidentsWithoutUsableCauseStartedIn(Instant from, Instant to) throws SQLException {
        SqlArgs args = new SqlArgs().add(environment, from, to);
        String sql = INCIDENT_COLUMNS + "AND i.environment = ? AND i.started >= ? AND i.started < ?"
                + applicationFilter("i", args) + " AND NOT EXISTS (SELECT 1 FROM deployment c WHERE c.id = i.cause "
                + "AND c.result IN (" + resultList(false) + ") AND c.voided_at IS NULL)";
        return read.list(sql, args, KpiRepository::incident);
    }

    /**
     * Incidents of the environment that started in [from, to) or whose [started, resolved) overlaps it (unresolved
     * ones never end): every incident a KPI of the window can count.
     */
    List<IncidentRecord> incidentsOfWindow(Instant from, Instant to) throws SQLException {
        SqlArgs args = new SqlArgs().add(environment, to, from, from);
        String sql = INCIDENT_COLUMNS + "AND i.environment = ? AND i.started < ? "
                + "AND (i.resolved IS NULL OR i.resolved > ? OR i.started >= ?)" + applicationFilter("i", args);
        return read.list(sql, args, KpiRepository::incident);
    }

    /**
     * Per application, the responsibilities of the team's or supplier's assignments that overlap [from, to) (an
     * assignment without a team counts for team {@code unassigned}); a stored responsibility this version does not
     * know is left out.
     */
    Map<String, Set<Responsibility>> assignedTo(Scope scope, Instant from, Instant to) throws SQLException {
        String owner = scope.kind() == Scope.Kind.TEAM ? AttributionSql.teamOf("team") : "supplier";
        SqlArgs args = new SqlArgs().add(scope.name());
        String sql = "SELECT DISTINCT application, responsibility FROM assignment WHERE " + owner + " = ? AND "
                + AttributionSql.overlapping("", from, to, args);
        Map<String, Set<Responsibility>> result = new TreeMap<>();
        read.forEach(sql, args, rs -> {
            Responsibility responsibility = Responsibility.parse(rs.getString(2));
            if (responsibility != null) {
                result.computeIfAbsent(rs.getString(1), a -> EnumSet.noneOf(Responsibility.class))
                        .add(responsibility);
            }
        });
        return result;
    }

    /**
     * The applications whose events can be attributed to a team or supplier (metrics.md, "Attribution to teams and
     * suppliers"): those with an assignment naming it (any responsibility, at any time) and those with a deployment
     * or incident of the environment naming it as its own. Not for {@code unassigned}, which holds whatever nobody
     * else does.
     */
    static Set<String> applicationsNaming(StoreRead read, String environment, Scope scope) throws SQLException {
        String column = switch (scope.kind()) {
            case TEAM -> "team";
            case SUPPLIER -> "supplier";
            default -> throw new IllegalArgumentException("only a team or supplier is named by events: " + scope);
        };
        if (Attribution.UNASSIGNED.equals(scope.name())) {
            throw new IllegalArgumentException("unassigned is named by no event: " + scope);
        }
        // event_owner: what the writers note when an event names a team or supplier of its own, its owner_kind
        // spelled as the scope kind (store.EventOwners)
        String sql = "SELECT application FROM assignment WHERE " + column + " = ? "
                + "UNION SELECT application FROM event_owner WHERE owner_kind = ? AND owner = ? AND environment = ?";
        SqlArgs args = new SqlArgs().add(scope.name(), scope.kind().name(), scope.name(), environment);
        return new TreeSet<>(read.list(sql, args, rs -> rs.getString(1)));
    }

    /**
     * SUCCESS deployments of the environment (or of the read's applications) that finished in [from, to), in
     * order, not looked up against incidents: what platform re-use's "shared" and "newest" are judged over.
     */
    List<DeploymentRecord> successesFinishedIn(Instant from, Instant to) throws SQLException {
        SqlArgs args = new SqlArgs().add(environment, from, to);
        String sql = DEPLOYMENTS + "WHERE d.environment = ? AND d.finished >= ? AND d.finished < ? "
                + "AND d.result = 'SUCCESS' AND d.voided_at IS NULL" + applicationFilter("d", args);
        List<DeploymentRecord> successes = new ArrayList<>(read.list(sql, args, this::deployment));
        successes.sort(DeploymentRecord.ORDER);
        return successes;
    }

    /** Applications with any assignment covering OPERATIONS that overlaps [from, to). */
    Set<String> applicationsWithOperationsAssignment(Instant from, Instant to) throws SQLException {
        SqlArgs args = new SqlArgs();
        String sql = "SELECT DISTINCT application FROM assignment WHERE "
                + AttributionSql.covering(Responsibility.OPERATIONS, "responsibility") + " AND "
                + AttributionSql.overlapping("", from, to, args);
        return new java.util.TreeSet<>(read.list(sql, args, rs -> rs.getString(1)));
    }

    /**
     * Whether any stored event names the application: a deployment (any result) or an incident in this
     * environment, or an assignment (which holds for every environment). metrics.md: a typo reads "no data".
     */
    boolean names(String app) throws SQLException {
        String sql = "SELECT 1 FROM deployment WHERE environment = ? AND application = ? AND voided_at IS NULL "
                + "UNION ALL SELECT 1 FROM incident WHERE environment = ? AND application = ? AND voided_at IS NULL "
                + "UNION ALL "
                + "SELECT 1 FROM assignment WHERE application = ?";
        return read.any(sql, new SqlArgs().add(environment, app, environment, app, app));
    }

    private DeploymentRecord deployment(ResultSet rs) throws SQLException {
        DeploymentResult result = StoredValues.countedResult(rs.getString("result"));
        if (result == DeploymentResult.FAILURE && !failureIsFailedChange) {
            result = DeploymentResult.ABORTED;
        }
        return new DeploymentRecord(rs.getString("id"), rs.getString("application"), Sql.getInstant(rs, "started"),
                Sql.getInstant(rs, "finished"), result, StoredValues.countedKind(rs.getString("kind")),
                rs.getBoolean("imported"), new Attribution(rs.getString("att_team"), rs.getString("att_supplier")),
                rs.getInt("during_incident") == 1);
    }

    private static IncidentRecord incident(ResultSet rs) throws SQLException {
        return new IncidentRecord(rs.getString("id"), rs.getString("application"),
                Sql.getInstant(rs, "started"), Sql.getInstant(rs, "detected"), Sql.getInstant(rs, "resolved"),
                rs.getString("cause"), new Attribution(rs.getString("att_team"),
                        rs.getString("att_supplier")), severity(rs.getString("severity_level")));
    }

    /** A stored level this version does not know counts as UNKNOWN: it passes no minimum. */
    private static Severity severity(String stored) {
        try {
            return stored == null ? Severity.UNKNOWN : Severity.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return Severity.UNKNOWN;
        }
    }

    /** The results that are change attempts: SUCCESS and FAILURE, or SUCCESS only when FAILURE is not counted. */
    private String resultList(boolean successOnly) {
        return successOnly || !failureIsFailedChange ? "'SUCCESS'" : "'SUCCESS', 'FAILURE'";
    }

    /**
     * {@code AND alias.application = ?} for one application or {@code IN (...)} for several, the arguments added;
     * empty for all.
     */
    private String applicationFilter(String alias, SqlArgs args) {
        if (applications == null) {
            return "";
        }
        if (applications.isEmpty()) {
            return " AND 1 = 0";
        }
        if (applications.size() == 1) {
            args.add(applications.get(0));
            return " AND " + alias + ".application = ?";
        }
        return " AND " + alias + ".application IN (" + args.placeholders(applications) + ")";
    }
}
