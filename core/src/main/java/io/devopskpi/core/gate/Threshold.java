package io.devopskpi.core.gate;

import java.util.Objects;

/** One condition of a gate: a metric, an operator and a limit (a fraction, a number, or seconds). */
public record Threshold(GateMetric metric, Operator operator, double value) {
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
        if (value < 0) {
            throw new IllegalArgumentException(metric.apiName() + " must not be negative: " + value);
        }
    }

    /** As a person writes it: {@code changeSuccessRate >= 0.9}, {@code timeToRestoreMedian <= 4h}. */
    public String describe() {
        return metric.apiName() + " " + operator.symbol() + " " + GateFormat.value(metric, value);
    }
}
