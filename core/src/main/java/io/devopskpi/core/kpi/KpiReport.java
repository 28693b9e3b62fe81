package io.devopskpi.core.kpi;

import io.devopskpi.core.metric.Fraction;
import java.time.Duration;
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
        TimeToResolve timeToResolve,
        ReworkRate reworkRate,
        Availability availability,
        Duration measured) {

    /**
     * @param measured the window's length up to the query time: what per-day figures and availability divide by
     *                 (metrics.md, "Windows"); null means the whole window
     */
    public KpiReport {
        if (measured == null) {
            measured = query == null ? Duration.ZERO : Duration.between(query.from(), query.to());
        }
    }

    /** A report measured over its whole window. */
    public KpiReport(KpiQuery query, DeploymentFrequency deploymentFrequency, LeadTime leadTime,
            ChangeFailureRate changeFailureRate, ChangeSuccessRate changeSuccessRate, TimeToRestore timeToRestore,
            TimeToDetect timeToDetect, TimeToResolve timeToResolve, ReworkRate reworkRate,
            Availability availability) {
        this(query, deploymentFrequency, leadTime, changeFailureRate, changeSuccessRate, timeToRestore,
                timeToDetect, timeToResolve, reworkRate, availability, null);
    }

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

    public record OpenIncident(String incident, String application, Instant started, double ageSeconds) {
    }

    /** Time to resolve incidents (metrics.md): the operations side's restore figure. */
    public record TimeToResolve(int count, int open, Double meanSeconds, Double medianSeconds, Double p90Seconds,
            List<OpenIncident> openIncidents) {
        public TimeToResolve {
            openIncidents = List.copyOf(openIncidents);
        }

        public static final TimeToResolve NONE = new TimeToResolve(0, 0, null, null, null, List.of());
    }

    public record ReworkRate(int rework, int total, Double rate) {
    }

    /**
     * Availability; {@code exactRatio} is the ratio as a fraction of microseconds (metrics.md, "Gates"), null with
     * the ratio.
     */
    public record Availability(Double ratio, double downtimeSeconds, int applications, String worstApplication,
            Fraction exactRatio) {

        /** An availability whose ratio is known only as a double. */
        public Availability(Double ratio, double downtimeSeconds, int applications, String worstApplication) {
            this(ratio, downtimeSeconds, applications, worstApplication, Fraction.decimal(ratio));
        }
    }
}
