package io.devopskpi.core.kpi;

import java.util.List;
import java.util.TreeSet;

/**
 * Everything a gate or a contract target can name for one query: the KPI report, stakeholder satisfaction,
 * platform re-use, and the applications the scope covered (as for availability, sorted), read on one snapshot.
 */
public record KpiFigures(KpiReport report, Satisfaction satisfaction, ComponentReport components,
        List<String> applications) {
    public KpiFigures {
        applications = List.copyOf(new TreeSet<>(applications));
    }
}
