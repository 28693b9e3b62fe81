package io.devopskpi.core.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The length of the union of incident intervals [started, resolved), each clipped to a window. */
final class Downtime {
    private Downtime() {
    }

    /** Unresolved incidents last until the window's end. */
    static Duration of(List<IncidentRecord> incidents, Instant from, Instant to) {
        List<Instant[]> intervals = new ArrayList<>();
        for (IncidentRecord incident : incidents) {
            Instant start = max(incident.started(), from);
            Instant end = incident.resolved() == null ? to : min(incident.resolved(), to);
            if (start.isBefore(end)) {
                intervals.add(new Instant[] {start, end});
            }
        }
        intervals.sort(Comparator.comparing(interval -> interval[0]));
        Duration total = Duration.ZERO;
        Instant coveredUntil = null;
        for (Instant[] interval : intervals) {
            Instant start = coveredUntil != null && coveredUntil.isAfter(interval[0]) ? coveredUntil : interval[0];
            if (start.isBefore(interval[1])) {
                total = total.plus(Duration.between(start, interval[1]));
                coveredUntil = interval[1];
            }
        }
        return total;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
