package io.devopskpi.core.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One value of a metric family with its labels, written in the order given. */
public record MetricSample(Map<String, String> labels, double value) {
    public MetricSample {
        labels = new LinkedHashMap<>(labels);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a KPI sample must be a finite number: " + value);
        }
    }

    @Override
    public Map<String, String> labels() {
        return Collections.unmodifiableMap(labels);
    }
}
