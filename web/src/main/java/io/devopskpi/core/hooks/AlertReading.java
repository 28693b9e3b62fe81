package io.devopskpi.core.hooks;

import java.util.List;

/** What one payload holds: alerts mapped to incidents, alerts left unmapped, and events that say nothing of either. */
record AlertReading(List<MappedAlert> mapped, List<UnmappedAlert> unmapped, int ignored) {

    AlertReading {
        mapped = List.copyOf(mapped);
        unmapped = List.copyOf(unmapped);
    }
}
