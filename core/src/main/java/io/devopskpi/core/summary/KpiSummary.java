package io.devopskpi.core.summary;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A scope's headline KPIs over the last 30 days in one environment, as the side panel, job page, list column and
 * dashboard show them. Pages ask often, so a summary is reused for a minute.
 */
public record KpiSummary(String label, String deploymentsPerWeek, String changeSuccessRate, String leadTime,
        String timeToRestore, String error) {
    private static final Duration FRESH = Duration.ofMinutes(1);
    private static final Map<String, Map.Entry<Instant, KpiSummary>> CACHE = new ConcurrentHashMap<>();

    /** The summary of the scope, from the cache when younger than a minute; a store problem becomes its error. */
    public static KpiSummary of(String label, Scope scope, String environment, Supplier<KpiService> kpis,
            Clock clock) {
        String key = scope + "\n" + environment;
        Map.Entry<Instant, KpiSummary> cached = CACHE.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.getKey().plus(FRESH).isAfter(now)) {
            return cached.getValue();
        }
        KpiSummary summary;
        try {
            summary = of(label, kpis.get().report(KpiQuery.ending(scope, environment, now, KpiQuery.DEFAULT_WINDOW,
                    ZoneOffset.UTC)));
        } catch (RuntimeException e) {
            return new KpiSummary(label, null, null, null, null, "KPIs are not available: " + e.getMessage());
        }
        CACHE.put(key, Map.entry(now, summary));
        return summary;
    }

    static KpiSummary of(String label, KpiReport report) {
        Double success = report.changeSuccessRate().rate();
        return new KpiSummary(label,
                String.format(Locale.ROOT, "%.1f", report.deploymentFrequency().perWeek()),
                success == null ? "–" : String.format(Locale.ROOT, "%.0f %%", success * 100),
                hours(report.leadTime().medianSeconds()), hours(report.timeToRestore().medianSeconds()), null);
    }

    private static String hours(Double seconds) {
        if (seconds == null) {
            return "–";
        }
        return seconds < 3600 ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
