package io.devopskpi.core.kpi;

import java.time.Instant;
import java.util.List;

/**
 * Every KPI of metrics.md for one query. A value with no samples is null, never 0 (deployment frequency is
 * always defined). Durations are seconds, rates fractions, nothing is rounded.
 */
public record KpiReport(
        KpiQuery query,
        DeploymentFrequency deploymentFrequency,
        LeadTime leadTime,
        ChangeFailureRate changeFailureRate,
        ChangeSuccessRate changeSuccessRate,
        TimeToRestore timeToRestore,
        TimeToDetect timeToDetect,
        ReworkRate reworkRate,
        Availability availability) {

    public record DeploymentFrequency(int deployments, double perDay, double perWeek,
            double medianDeploymentDaysPerWeek, double medianDeploymentDaysPerMonth, Band band) {
    }

    public record LeadTime(int count, int skipped, Double medianSeconds, Double p90Seconds, Double meanSeconds,
            Band band) {
    }

    /** A 95 % Wilson score interval. */
    public record Interval(double lower, double upper) {
    }

    public record ChangeFailureRate(int failed, int total, Double rate, Interval ci95, Band band) {
    }

    public record ChangeSuccessRate(Double rate, Interval ci95) {
    }

    public record OpenFailure(String deployment, String application, Instant failureStart, double ageSeconds) {
    }

    public record TimeToRestore(int count, int open, Double medianSeconds, Double meanSeconds, Double p90Seconds,
            Band band, List<OpenFailure> openFailures) {
        public TimeToRestore {
            openFailures = List.copyOf(openFailures);
        }
    }

    public record TimeToDetect(int count, Double meanSeconds, Double medianSeconds) {
    }

    public record ReworkRate(int rework, int total, Double rate) {
    }

    public record Availability(Double ratio, double downtimeSeconds, int applications, String worstApplication) {
    }
}
