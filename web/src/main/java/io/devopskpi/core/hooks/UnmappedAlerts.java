package io.devopskpi.core.hooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * The unmapped alerts this server received since it started: how many per tool, and the last {@link #KEPT}
 * distinct ones (by tool and id; a re-sent one moves to the front with its count of receipts). In memory only:
 * the tools keep their own history, this is for finding the mapping that is missing.
 */
public final class UnmappedAlerts {
    public static final int KEPT = 100;

    private final Map<AlertSource, Long> counts = new EnumMap<>(AlertSource.class);
    private final LinkedList<UnmappedAlert> recent = new LinkedList<>();

    synchronized void addAll(Collection<UnmappedAlert> alerts) {
        for (UnmappedAlert alert : alerts) {
            counts.merge(alert.source(), 1L, Long::sum);
            UnmappedAlert entry = alert;
            for (Iterator<UnmappedAlert> it = recent.iterator(); it.hasNext();) {
                UnmappedAlert kept = it.next();
                if (kept.source() == alert.source() && kept.id().equals(alert.id())) {
                    it.remove();
                    entry = alert.again(kept);
                    break;
                }
            }
            recent.addFirst(entry);
            if (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
    }

    /** Unmapped alerts received, every receipt counted. */
    public synchronized long count() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long count(AlertSource source) {
        return counts.getOrDefault(source, 0L);
    }

    /** The kept ones, the most recently received first. */
    public synchronized List<UnmappedAlert> recent() {
        return new ArrayList<>(recent);
    }
}
