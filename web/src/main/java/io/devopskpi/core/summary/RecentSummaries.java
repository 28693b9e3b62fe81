package io.devopskpi.core.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Summaries of scopes as pages show them, each reused for a minute after it was computed; the 1,000 most recently
 * asked are kept. Thread-safe.
 */
public final class RecentSummaries {
    private static final Duration FRESH = Duration.ofMinutes(1);
    private static final int MAX_SUMMARIES = 1_000;

    private final Map<String, Computed> summaries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Computed> eldest) {
            return size() > MAX_SUMMARIES;
        }
    };

    private record Computed(Instant at, KpiSummary value) {
    }

    /** The summary of {@code key} computed less than a minute before {@code now}, if any. */
    public synchronized Optional<KpiSummary> fresh(String key, Instant now) {
        Computed known = summaries.get(key);
        return known != null && known.at().plus(FRESH).isAfter(now) ? Optional.of(known.value()) : Optional.empty();
    }

    public synchronized void put(String key, Instant computed, KpiSummary value) {
        summaries.put(key, new Computed(computed, value));
    }

    public synchronized void clear() {
        summaries.clear();
    }
}
