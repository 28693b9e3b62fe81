package io.devopskpi.core.kpi;

import io.devopskpi.core.model.Responsibility;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a gate or a contract target can name for one query: the KPI report, stakeholder satisfaction,
 * platform re-use, the applications the scope was responsible for (delivered, operated or assigned, sorted) and the
 * responsibilities a team or supplier held in the window (metrics.md: DELIVERY and/or OPERATIONS, in that order),
 * read on one snapshot.
 */
public record KpiFigures(KpiReport report, Satisfaction satisfaction, ComponentReport components,
        List<String> applications, Set<Responsibility> responsibilities) {
    public KpiFigures {
        applications = List.copyOf(new TreeSet<>(applications));
        EnumSet<Responsibility> held = EnumSet.noneOf(Responsibility.class);
        held.addAll(responsibilities);
        if (held.remove(Responsibility.BOTH)) {
            held.add(Responsibility.DELIVERY);
            held.add(Responsibility.OPERATIONS);
        }
        responsibilities = Collections.unmodifiableSet(held);
    }

    /** Figures without responsibilities (a scope that is not a team or supplier). */
    public KpiFigures(KpiReport report, Satisfaction satisfaction, ComponentReport components,
            List<String> applications) {
        this(report, satisfaction, components, applications, Set.of());
    }

    /** Whether the scope held the responsibility (BOTH: either) in the window. */
    public boolean responsibleFor(Responsibility side) {
        return side == Responsibility.BOTH ? !responsibilities.isEmpty() : responsibilities.contains(side);
    }
}
