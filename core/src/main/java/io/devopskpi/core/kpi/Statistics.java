package io.devopskpi.core.kpi;

import java.util.Arrays;
import java.util.Collection;

/**
 * The statistics of metrics.md over one set of samples, sorted once: percentiles by linear interpolation between
 * closest ranks, arithmetic means. A window's lead time has one sample per change (375,000 in a quarter of the
 * scale benchmark's million deployments), and its median, p90 and mean come from the same sorted copy.
 */
final class Statistics {
    private final double[] sorted;

    private Statistics(double[] sorted) {
        this.sorted = sorted;
    }

    static Statistics of(Collection<Double> values) {
        double[] sorted = new double[values.size()];
        int i = 0;
        for (Double value : values) {
            sorted[i++] = value;
        }
        Arrays.sort(sorted);
        return new Statistics(sorted);
    }

    /** PostgreSQL's {@code percentile_cont(p)}; null for no values. */
    Double percentile(double p) {
        if (sorted.length == 0) {
            return null;
        }
        double rank = p * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }

    Double median() {
        return percentile(0.5);
    }

    /**
     * Summed in ascending order, so the mean of the same values is the same double whatever order a store or a
     * query plan returned them in (floating-point addition is not associative); null for no values.
     */
    Double mean() {
        if (sorted.length == 0) {
            return null;
        }
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return sum / sorted.length;
    }

    /** A rate, or null when there is nothing to divide by. */
    static Double rate(int part, int total) {
        return total == 0 ? null : (double) part / total;
    }
}
