package io.devopskpi.core.kpi;

import io.devopskpi.core.attribution.AttributionSql;

/** The team and supplier an event belongs to (an override, the covering assignment, or "unassigned"). */
record Attribution(String team, String supplier) {
    static final String UNASSIGNED = AttributionSql.UNASSIGNED;
}
