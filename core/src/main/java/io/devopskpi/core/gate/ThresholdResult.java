package io.devopskpi.core.gate;

import io.devopskpi.core.metric.Threshold;

/**
 * How one threshold fared: the actual value (null when undefined), its sample size (null for availability),
 * the verdict, and a sentence a person can act on.
 */
public record ThresholdResult(Threshold threshold, Double actual, Integer samples, GateStatus status,
        String message) {
}
