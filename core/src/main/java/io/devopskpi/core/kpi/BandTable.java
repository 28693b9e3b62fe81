package io.devopskpi.core.kpi;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds that turn KPI values into performance bands (metrics.md, "Performance bands"). Deployment
 * frequency: elite and high by median deployment days per week (at least), medium by median deployment days per
 * month (at least). Lead time and time to restore: elite, high, medium when the median is strictly below the
 * limit. Change failure rate: at most the given percentage, compared exactly (failed × 100 ≤ percent × total).
 */
public record BandTable(
        double eliteDaysPerWeek, double highDaysPerWeek, double mediumDaysPerMonth,
        Duration eliteLeadTime, Duration highLeadTime, Duration mediumLeadTime,
        double eliteFailurePercent, double highFailurePercent, double mediumFailurePercent,
        Duration eliteRestore, Duration highRestore, Duration mediumRestore) {

    public BandTable {
        requireDescending("deployment days per week", eliteDaysPerWeek, highDaysPerWeek);
        if (mediumDaysPerMonth < 0 || highDaysPerWeek < 0) {
            throw new IllegalArgumentException("deployment days must not be negative");
        }
        requireAscending("lead time", eliteLeadTime, highLeadTime, mediumLeadTime);
        if (!(eliteFailurePercent >= 0 && eliteFailurePercent <= highFailurePercent
                && highFailurePercent <= mediumFailurePercent && mediumFailurePercent <= 100)) {
            throw new IllegalArgumentException("change failure percentages must rise from elite to medium within "
                    + "0..100: " + eliteFailurePercent + ", " + highFailurePercent + ", " + mediumFailurePercent);
        }
        requireAscending("time to restore", eliteRestore, highRestore, mediumRestore);
    }

    /** The DORA 2023 table in DevLake's deployment-days form, elite at 5 days a week. */
    public static BandTable defaults() {
        return new BandTable(5, 1, 1,
                Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30),
                5, 10, 15,
                Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7));
    }

    public Band deploymentFrequency(double medianDaysPerWeek, double medianDaysPerMonth) {
        if (medianDaysPerWeek >= eliteDaysPerWeek) {
            return Band.ELITE;
        }
        if (medianDaysPerWeek >= highDaysPerWeek) {
            return Band.HIGH;
        }
        return medianDaysPerMonth >= mediumDaysPerMonth ? Band.MEDIUM : Band.LOW;
    }

    public Band leadTime(Double medianSeconds) {
        return below(medianSeconds, eliteLeadTime, highLeadTime, mediumLeadTime);
    }

    public Band timeToRestore(Double medianSeconds) {
        return below(medianSeconds, eliteRestore, highRestore, mediumRestore);
    }

    public Band changeFailureRate(int failed, int total) {
        if (total == 0) {
            return null;
        }
        double scaled = failed * 100.0;
        if (scaled <= eliteFailurePercent * total) {
            return Band.ELITE;
        }
        if (scaled <= highFailurePercent * total) {
            return Band.HIGH;
        }
        return scaled <= mediumFailurePercent * total ? Band.MEDIUM : Band.LOW;
    }

    private static Band below(Double seconds, Duration elite, Duration high, Duration medium) {
        if (seconds == null) {
            return null;
        }
        if (seconds < elite.toSeconds()) {
            return Band.ELITE;
        }
        if (seconds < high.toSeconds()) {
            return Band.HIGH;
        }
        return seconds < medium.toSeconds() ? Band.MEDIUM : Band.LOW;
    }

    private static void requireDescending(String what, double elite, double high) {
        if (elite < high) {
            throw new IllegalArgumentException(what + ": elite must be at least high: " + elite + " < " + high);
        }
    }

    private static void requireAscending(String what, Duration elite, Duration high, Duration medium) {
        Objects.requireNonNull(elite, what);
        Objects.requireNonNull(high, what);
        Objects.requireNonNull(medium, what);
        if (elite.isNegative() || elite.compareTo(high) > 0 || high.compareTo(medium) > 0) {
            throw new IllegalArgumentException(what + " limits must rise from elite to medium: " + elite + ", "
                    + high + ", " + medium);
        }
    }
}
