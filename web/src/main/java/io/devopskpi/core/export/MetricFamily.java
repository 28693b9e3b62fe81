package io.devopskpi.core.export;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Prometheus metric family: its name, help text, type and samples. A counter's name ends in {@code _total}
 * (Prometheus naming conventions; {@code promtool check metrics} flags it otherwise), a gauge's does not.
 */
public record MetricFamily(String name, String help, Type type, List<MetricSample> samples) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** The types this exporter writes, by their name in the text format. */
    public enum Type {
        GAUGE, COUNTER;

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MetricFamily {
        check(name, type);
        samples = List.copyOf(samples);
    }

    static void check(String name, Type type) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Prometheus metric name: '" + name + "'");
        }
        if ((type == Type.COUNTER) != name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name, and only a counter's, ends in _total: '" + name
                    + "'");
        }
    }

    /** A gauge. */
    public MetricFamily(String name, String help, List<MetricSample> samples) {
        this(name, help, Type.GAUGE, samples);
    }
}
