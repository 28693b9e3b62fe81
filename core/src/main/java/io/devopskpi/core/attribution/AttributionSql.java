package io.devopskpi.core.attribution;

import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.store.SqlArgs;
import java.time.Instant;

/**
 * The attribution rule (metrics.md, "Attribution to teams and suppliers") as the SQL every read is built from:
 * a deployment belongs to the team and supplier of the assignment covering DELIVERY (DELIVERY or BOTH) for its
 * application at its {@code finished} time, an incident to those of the assignment covering OPERATIONS at its
 * {@code started} time; a team or supplier named on the event overrides the assignment field by field; with
 * neither it is {@link #UNASSIGNED}. An assignment covers [valid_from, valid_to), valid_to null for open-ended.
 */
public final class AttributionSql {
    /** The reserved team and supplier of what no assignment covers. */
    public static final String UNASSIGNED = "unassigned";

    private final Responsibility responsibility;
    private final String assignment;
    private final String event;
    private final String application;
    private final String at;

    private AttributionSql(Responsibility responsibility, String assignment, String event, String application,
            String at) {
        this.responsibility = responsibility;
        this.assignment = assignment;
        this.event = event;
        this.application = application;
        this.at = at;
    }

    /** The DELIVERY attribution of the deployments of table alias {@code deployment}, joined as {@code a}. */
    public static AttributionSql ofDeployments(String deployment) {
        return new AttributionSql(Responsibility.DELIVERY, "a", deployment, deployment + ".application",
                deployment + ".finished");
    }

    /** The OPERATIONS attribution of the incidents of table alias {@code incident}, joined as {@code a}. */
    public static AttributionSql ofIncidents(String incident) {
        return new AttributionSql(Responsibility.OPERATIONS, "a", incident, incident + ".application",
                incident + ".started");
    }

    /**
     * Who holds {@code responsibility} (DELIVERY or OPERATIONS) for the applications of column
     * {@code application} at an instant given with {@link #joinAt}, joined as {@code assignment}; no event
     * overrides it.
     */
    public static AttributionSql ofApplications(Responsibility responsibility, String assignment,
            String application) {
        return new AttributionSql(responsibility, assignment, null, application, "?");
    }

    /** {@code LEFT JOIN assignment ...} of the assignment covering the event's time. */
    public String join() {
        if ("?".equals(at)) {
            throw new IllegalStateException("an application's attribution is joined at an instant: joinAt");
        }
        return joinSql();
    }

    /** {@code LEFT JOIN assignment ...} of the assignment covering {@code instant}, its arguments added. */
    public String joinAt(Instant instant, SqlArgs args) {
        if (!"?".equals(at)) {
            throw new IllegalStateException("an event's attribution is joined at its own time: join");
        }
        args.add(instant, instant);
        return joinSql();
    }

    private String joinSql() {
        return "LEFT JOIN assignment " + assignment + " ON " + assignment + ".application = " + application
                + " AND " + covering(responsibility, assignment + ".responsibility") + " AND " + assignment
                + ".valid_from <= " + at + " AND (" + assignment + ".valid_to IS NULL OR " + at + " < "
                + assignment + ".valid_to) ";
    }

    /** The attributed team: the event's own, the covering assignment's, or {@code unassigned}. */
    public String team() {
        return owner("team");
    }

    /** The attributed supplier: the event's own, the covering assignment's, or {@code unassigned}. */
    public String supplier() {
        return owner("supplier");
    }

    /** The attributed team and supplier as the columns {@code att_team} and {@code att_supplier}. */
    public String columns() {
        return team() + " AS att_team, " + supplier() + " AS att_supplier";
    }

    private String owner(String column) {
        return "COALESCE(" + (event == null ? "" : event + "." + column + ", ") + assignment + "." + column + ", '"
                + UNASSIGNED + "')";
    }

    /** {@code column IN (...)}: the stored responsibilities that cover {@code responsibility}. */
    public static String covering(Responsibility responsibility, String column) {
        return column + " IN ('" + responsibility.name() + "', '" + Responsibility.BOTH.name() + "')";
    }

    /**
     * The condition that an assignment (columns prefixed with {@code prefix}: {@code "a."} or {@code ""}) overlaps
     * the window [from, to); its arguments added.
     */
    public static String overlapping(String prefix, Instant from, Instant to, SqlArgs args) {
        args.add(to, from);
        return prefix + "valid_from < ? AND (" + prefix + "valid_to IS NULL OR " + prefix + "valid_to > ?)";
    }

    /** An assignment's team column, {@code unassigned} for an assignment without a team. */
    public static String teamOf(String column) {
        return "COALESCE(" + column + ", '" + UNASSIGNED + "')";
    }
}
