package io.devopskpi.core.gate;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.metric.Threshold;
import java.util.List;
import java.util.Objects;

/**
 * A gate (metrics.md, "Gates"): the KPI query it looks at, its thresholds, the minimum sample size each metric
 * needs, whether missing data fails it, and what a breach should do to the caller's build.
 */
public record KpiGate(KpiQuery query, List<Threshold> thresholds, int minSamples, boolean failOnInsufficientData,
        OnBreach onBreach) {
    public KpiGate {
        Objects.requireNonNull(query, "query");
        thresholds = List.copyOf(thresholds);
        if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("a gate needs at least one threshold");
        }
        if (minSamples < 0) {
            throw new IllegalArgumentException("minSamples must not be negative: " + minSamples);
        }
        onBreach = onBreach == null ? OnBreach.FAILURE : onBreach;
    }
}
