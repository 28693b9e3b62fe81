package io.devopskpi.core.kpi;

import java.util.Arrays;
import java.util.Collection;

/** The statistics of metrics.md: percentiles by linear interpolation between closest ranks, arithmetic means. */
final class Statistics {
    private Statistics() {
    }

    /** PostgreSQL's {@code percentile_cont(p)}; null for no values. */
    static Double percentile(Collection<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double rank = p * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }

    static Double median(Collection<Double> values) {
        return percentile(values, 0.5);
    }

    /**
     * Summed in ascending order, so the mean of the same values is the same double whatever order a store or a
     * query plan returned them in (floating-point addition is not associative).
     */
    static Double mean(Collection<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
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
