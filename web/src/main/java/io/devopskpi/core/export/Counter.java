package io.devopskpi.core.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus counter family counted in memory since the process started, safe to increment from any thread. Its
 * label values must come from a small, fixed set (a route pattern, never a request path): each combination is a time
 * series for ever.
 */
public final class Counter {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final ConcurrentMap<List<String>, LongAdder> counts = new ConcurrentHashMap<>();

    public Counter(String name, String help, String... labelNames) {
        MetricFamily.check(name, MetricFamily.Type.COUNTER);
        this.name = name;
        this.help = help;
        this.labelNames = List.of(labelNames);
    }

    /** Adds {@code amount} (0 makes the series appear, so that a rate over it starts at 0 rather than nowhere). */
    public void add(long amount, String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes the labels " + labelNames + ", got "
                    + labelValues.length + " values");
        }
        if (amount < 0) {
            throw new IllegalArgumentException(name + " only goes up, got " + amount);
        }
        counts.computeIfAbsent(List.of(labelValues), k -> new LongAdder()).add(amount);
    }

    /** The family, its samples sorted by label values so that scrapes list them in one order. */
    public MetricFamily family() {
        List<Map.Entry<List<String>, LongAdder>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.comparingByKey((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b))));
        List<MetricSample> samples = new ArrayList<>();
        for (Map.Entry<List<String>, LongAdder> entry : entries) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 0; i < labelNames.size(); i++) {
                labels.put(labelNames.get(i), entry.getKey().get(i));
            }
            samples.add(new MetricSample(labels, entry.getValue().sum()));
        }
        return new MetricFamily(name, help, MetricFamily.Type.COUNTER, samples);
    }
}
