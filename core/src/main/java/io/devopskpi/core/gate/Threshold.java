package io.devopskpi.core.gate;

import java.util.Objects;

/**
 * One condition of a gate: a metric, an operator and a limit (a fraction, a number, or seconds), and optionally
 * its own minimum sample size (null: the gate's), so that a gate derived from contract targets keeps each
 * target's minimum.
 */
public record Threshold(GateMetric metric, Operator operator, double value, Integer minSamples) {
    public Threshold {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold value must be a finite number: " + value);
        }
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

    /** A threshold that uses the gate's minimum sample size. */
    public Threshold(GateMetric metric, Operator operator, double value) {
        this(metric, operator, value, null);
    }

    /** The minimum sample size that applies: this threshold's own, else the gate's. */
    public int minSamplesOr(int gateMinimum) {
        return minSamples == null ? gateMinimum : minSamples;
    }

    /** As a person writes it: {@code changeSuccessRate >= 0.9}, {@code timeToRestoreMedian <= 4h}. */
    public String describe() {
        return metric.apiName() + " " + operator.symbol() + " " + GateFormat.value(metric, value);
    }
}
