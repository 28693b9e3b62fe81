package io.devopskpi.core.kpi;

import io.devopskpi.core.model.Severity;
import java.time.Instant;
import java.util.Comparator;

/** A stored incident with its OPERATIONS attribution at {@code started} and its normalised severity. */
record IncidentRecord(String id, String application, Instant started, Instant detected, Instant resolved,
        String cause, Attribution operations, Severity severity) {

    /**
     * "The earliest" of several incidents (metrics.md, time to restore): by started, then the one resolved first
     * (unresolved last), then the lowest id.
     */
    static final Comparator<IncidentRecord> EARLIEST = Comparator.comparing(IncidentRecord::started)
            .thenComparing(IncidentRecord::resolved, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(IncidentRecord::id);

    /** Whether [started, resolved) overlaps [from, to); an unresolved incident never ends. */
    boolean overlaps(Instant from, Instant to) {
        return started.isBefore(to) && (resolved == null || resolved.isAfter(from));
    }
}
