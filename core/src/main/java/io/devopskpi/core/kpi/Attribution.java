package io.devopskpi.core.kpi;

/** The team and supplier an event belongs to (an override, the covering assignment, or "unassigned"). */
record Attribution(String team, String supplier) {
    static final String UNASSIGNED = "unassigned";
}
