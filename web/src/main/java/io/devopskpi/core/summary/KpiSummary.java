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
