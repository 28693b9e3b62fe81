package io.devopskpi.core.summary;

import io.devopskpi.core.kpi.KpiReport;

/**
 * An application's headline figures over a window as numbers (seconds, fractions) with the samples each rests on,
 * for a CI's remote API (the Jenkins job's {@code api/json}); a figure without samples is null. Without figures
 * ({@link #without}) {@code error} says why: the KPIs cannot be read now, or the reader may not see them.
 */
public record HeadlineFigures(String error, Integer deployments, Double deploymentsPerWeek, Integer changeAttempts,
        Double changeSuccessRate, Integer leadTimeSamples, Double leadTimeMedianSeconds, Integer timeToRestoreSamples,
        Double timeToRestoreMedianSeconds) {
    /** No figure, and why. */
    public static HeadlineFigures without(String reason) {
        return new HeadlineFigures(reason, null, null, null, null, null, null, null, null);
    }

    /** The figures of a computed report: successful deployments, attempts, measured changes and restores. */
    public static HeadlineFigures of(KpiReport report) {
        return new HeadlineFigures(null, report.deploymentFrequency().deployments(),
                report.deploymentFrequency().perWeek(), report.changeFailureRate().total(),
                report.changeSuccessRate().rate(), report.leadTime().count(), report.leadTime().medianSeconds(),
                report.timeToRestore().count(), report.timeToRestore().medianSeconds());
    }

    public boolean hasFigures() {
        return error == null;
    }
}
