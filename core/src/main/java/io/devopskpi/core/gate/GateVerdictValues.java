package io.devopskpi.core.gate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A verdict as plain values (maps, lists, strings, numbers, booleans) for a CI script to read:
 * {@code status}, {@code breached}, {@code message} and one {@code results} entry per threshold. Plain values
 * only, because a CI may keep them in its own program state (a Jenkins Pipeline serializes them).
 */
public final class GateVerdictValues {
    private GateVerdictValues() {
    }

    public static Map<String, Object> of(GateVerdict verdict) {
        List<Object> results = new ArrayList<>();
        for (ThresholdResult result : verdict.results()) {
            Map<String, Object> item = new HashMap<>();
            item.put("metric", result.threshold().metric().apiName());
            item.put("operator", result.threshold().operator().symbol());
            item.put("threshold", result.threshold().value());
            item.put("actual", result.actual());
            item.put("samples", result.samples());
            item.put("status", result.status().name());
            item.put("message", result.message());
            results.add(item);
        }
        Map<String, Object> map = new HashMap<>();
        map.put("status", verdict.status().name());
        map.put("breached", verdict.breached());
        map.put("message", verdict.message());
        map.put("results", results);
        return map;
    }
}
