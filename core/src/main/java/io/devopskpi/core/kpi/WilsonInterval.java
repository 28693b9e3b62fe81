package io.devopskpi.core.kpi;

/** The 95 % Wilson score interval of a proportion, without continuity correction (metrics.md). */
public final class WilsonInterval {
    static final double Z95 = 1.959964;

    private WilsonInterval() {
    }

    /** The interval of {@code successes ÷ trials}; null when there are no trials. */
    public static KpiReport.Interval of(int successes, int trials) {
        if (trials == 0) {
            return null;
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new KpiReport.Interval(Math.max(0, center - half), Math.min(1, center + half));
    }

    /** The interval of the complementary proportion: [1 − upper, 1 − lower]. */
    public static KpiReport.Interval complement(KpiReport.Interval interval) {
        return interval == null ? null : new KpiReport.Interval(1 - interval.upper(), 1 - interval.lower());
    }
}
