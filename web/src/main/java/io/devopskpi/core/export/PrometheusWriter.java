package io.devopskpi.core.export;

import java.util.List;
import java.util.Map;

/**
 * The Prometheus text exposition format 0.0.4: per family a {@code # HELP} and a {@code # TYPE} line (gauge or
 * counter), then its samples as {@code name{label="value",...} value}. Label values escape backslash, double quote and
 * newline; help texts escape backslash and newline.
 */
public final class PrometheusWriter {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusWriter() {
    }

    public static String write(List<MetricFamily> families) {
        StringBuilder text = new StringBuilder();
        for (MetricFamily family : families) {
            text.append("# HELP ").append(family.name()).append(' ')
                    .append(family.help().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            text.append("# TYPE ").append(family.name()).append(' ').append(family.type().text()).append('\n');
            for (MetricSample sample : family.samples()) {
                text.append(family.name());
                labels(sample.labels(), text);
                text.append(' ').append(number(sample.value())).append('\n');
            }
        }
        return text.toString();
    }

    private static void labels(Map<String, String> labels, StringBuilder text) {
        if (labels.isEmpty()) {
            return;
        }
        text.append('{');
        String separator = "";
        for (Map.Entry<String, String> label : labels.entrySet()) {
            text.append(separator).append(label.getKey()).append("=\"")
                    .append(label.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                    .append('"');
            separator = ",";
        }
        text.append('}');
    }

    /** Whole numbers without a fraction (counts read as counts); others as Java writes a double. */
    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
