package io.devopskpi.core.json;

import io.devopskpi.core.metric.GateMetric;

/**
 * The unit an answer names beside a metric's value where the field's name cannot tell it (a scorecard line's
 * {@code value}, a gate result's {@code actual}; api.md, Conventions).
 */
final class MetricUnit {
    private MetricUnit() {
    }

    static String of(GateMetric metric) {
        return switch (metric.unit()) {
            case SECONDS -> "seconds";
            case FRACTION -> "ratio";
            case NUMBER -> switch (metric) {
                case DEPLOYMENTS_PER_DAY -> "deployments per day";
                case DEPLOYMENTS_PER_WEEK -> "deployments per week";
                case MEDIAN_DEPLOYMENT_DAYS_PER_WEEK -> "days per week";
                case STAKEHOLDER_SATISFACTION -> "score";
                default -> throw new IllegalStateException("no unit named for " + metric.apiName());
            };
        };
    }
}
