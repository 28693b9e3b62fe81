package io.devopskpi.core.kpi;

import io.devopskpi.core.store.StoreRead;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which applications a read must look at to compute some slices: one application's scope needs that application,
 * a team or supplier only the applications that name it (an assignment or an event of its own, see
 * {@link KpiRepository#applicationsNaming}), a restriction to some applications only those. Every KPI of an
 * application is computed from that application's events alone, so a read of these applications gives each slice
 * exactly what a read of the whole environment gives, from a fraction of the rows. Everything, {@code unassigned}
 * and any set larger than {@code atMost} are read environment-wide (null).
 */
final class Narrowing {
    private Narrowing() {
    }

    /**
     * @param atMost the largest set worth naming in a query; a larger one is read environment-wide
     * @return the applications to read, or null for the whole environment
     */
    static Set<String> of(StoreRead read, String environment, Collection<KpiService.Slice> slices, int atMost)
            throws SQLException {
        Set<String> union = new TreeSet<>();
        for (KpiService.Slice slice : slices) {
            Set<String> needed = neededBy(read, environment, slice);
            if (needed == null) {
                return null;
            }
            union.addAll(needed);
            if (union.size() > atMost) {
                return null;
            }
        }
        return union;
    }

    private static Set<String> neededBy(StoreRead read, String environment, KpiService.Slice slice)
            throws SQLException {
        Scope scope = slice.scope();
        Set<String> needed = switch (scope.kind()) {
            case ALL -> null;
            case APPLICATION -> Set.of(scope.name());
            case TEAM, SUPPLIER -> Attribution.UNASSIGNED.equals(scope.name()) ? null
                    : KpiRepository.applicationsNaming(read, environment, scope);
        };
        if (slice.applications() == null) {
            return needed;
        }
        Set<String> kept = new TreeSet<>(slice.applications());
        if (needed != null) {
            kept.retainAll(needed);
        }
        return kept;
    }
}
