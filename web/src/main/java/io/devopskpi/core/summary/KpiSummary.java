package io.devopskpi.core.summary;

import io.devopskpi.core.kpi.KpiReport;
import java.util.Locale;

/**
 * A scope's headline KPIs over the last 30 days in one environment, as the side panel, job page, list column and
 * dashboard show them (EmbeddedKpis keeps them for a minute).
 */
public record KpiSummary(String label, String deploymentsPerWeek, String changeSuccessRate, String leadTime,
        String timeToRestore, String error) {
    /** A summary without figures: the store could not give them now, and why. */
    public static KpiSummary unavailable(String label, String reason) {
        return new KpiSummary(label, null, null, null, null, "KPIs are not available: " + reason);
    }

    /** The headline figures of a computed report. */
    public static KpiSummary of(String label, KpiReport report) {
        return of(label, report.deploymentFrequency().perWeek(), report.changeSuccessRate().rate(),
                report.leadTime().medianSeconds(), report.timeToRestore().medianSeconds());
    }

    /**
     * The headline figures of a report's values, as {@code /api/v1/kpis} answers them too
     * ({@code deploymentFrequency.perWeek}, {@code changeSuccessRate.rate}, {@code leadTime.medianSeconds},
     * {@code timeToRestore.medianSeconds}); null: no data.
     */
    public static KpiSummary of(String label, double perWeek, Double changeSuccessRate, Double leadTimeMedianSeconds,
            Double timeToRestoreMedianSeconds) {
        return new KpiSummary(label,
                String.format(Locale.ROOT, "%.1f", perWeek),
                changeSuccessRate == null ? "–" : String.format(Locale.ROOT, "%.0f %%", changeSuccessRate * 100),
                hours(leadTimeMedianSeconds), hours(timeToRestoreMedianSeconds), null);
    }

    private static String hours(Double seconds) {
        if (seconds == null) {
            return "–";
        }
        return seconds < 3600 ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
