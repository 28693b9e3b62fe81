package io.devopskpi.core.metric;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One condition of a gate: a metric, an operator and a limit (a fraction, a number, or seconds) kept as the decimal
 * number it was written as (metrics.md: thresholds are compared exactly), and optionally its own minimum sample
 * size (null: the gate's), so that a gate derived from contract targets keeps each target's minimum.
 */
public record Threshold(GateMetric metric, Operator operator, BigDecimal limit, Integer minSamples) {
    public Threshold {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        // One form per number, so that 14400 and 14400.0 are the same threshold.
        limit = Objects.requireNonNull(limit, "limit").stripTrailingZeros();
        double value = limit.doubleValue();
        if (metric.unit() == GateMetric.Unit.FRACTION && (value < 0 || value > 1)) {
            throw new IllegalArgumentException(metric.apiName() + " is a fraction from 0 to 1 (0.9, not 90): "
                    + value);
        }
        if (metric == GateMetric.STAKEHOLDER_SATISFACTION && (value < 1 || value > 5)) {
            throw new IllegalArgumentException(metric.apiName() + " is a score from 1 to 5: " + value);
        }
        if (value < 0) {
            throw new IllegalArgumentException(metric.apiName() + " must not be negative: " + value);
        }
        if (minSamples != null && minSamples < 0) {
            throw new IllegalArgumentException("minSamples must not be negative: " + minSamples);
        }
    }

    /**
     * A threshold from a double: its limit is the shortest decimal that reads as that double (0.93, not
     * 0.930000000000000048…), which is what a person wrote.
     */
    public Threshold(GateMetric metric, Operator operator, double value, Integer minSamples) {
        this(metric, operator, decimal(value), minSamples);
    }

    /** A threshold that uses the gate's minimum sample size. */
    public Threshold(GateMetric metric, Operator operator, double value) {
        this(metric, operator, value, null);
    }

    private static BigDecimal decimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold value must be a finite number: " + value);
        }
        return BigDecimal.valueOf(value);
    }

    /** The limit as a double, for display and JSON. */
    public double value() {
        return limit.doubleValue();
    }

    /**
     * Whether the exact value meets this threshold. metrics.md: compared exactly, e.g. 93 of 100 meets
     * {@code changeSuccessRate >= 0.93}.
     */
    public boolean heldBy(Fraction actual) {
        return operator.holds(actual.compareTo(limit));
    }

    /** The minimum sample size that applies: this threshold's own, else the gate's. */
    public int minSamplesOr(int gateMinimum) {
        return minSamples == null ? gateMinimum : minSamples;
    }

    /** As a person writes it: {@code changeSuccessRate >= 0.9}, {@code timeToRestoreMedian <= 4h}. */
    public String describe() {
        return metric.apiName() + " " + operator.symbol() + " " + GateFormat.value(metric, value());
    }
}
