package io.devopskpi.core.export;

import java.util.List;
import java.util.regex.Pattern;

/** A Prometheus gauge family: its name, help text and samples. */
public record MetricFamily(String name, String help, List<MetricSample> samples) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    public MetricFamily {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Prometheus metric name: '" + name + "'");
        }
        samples = List.copyOf(samples);
    }
}
