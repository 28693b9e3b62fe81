package io.devopskpi.core.gate;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.metric.GateFormat;
import io.devopskpi.core.metric.Threshold;

/** A verdict as a plain-text table for build logs: one line per threshold, then the gate's summary. */
public final class GateTable {
    private GateTable() {
    }

    public static String render(GateVerdict verdict) {
        KpiQuery query = verdict.gate().query();
        String scope = query.scope().parameter() == null ? "everything"
                : query.scope().parameter() + " " + query.scope().name();
        StringBuilder text = new StringBuilder("KPI gate for ").append(scope).append(" in ")
                .append(query.environment()).append(", ").append(query.from()).append(" to ").append(query.to())
                .append('\n');
        text.append(String.format("%-18s %-28s %-14s %-14s %s%n", "status", "metric", "threshold", "actual",
                "samples"));
        for (ThresholdResult result : verdict.results()) {
            Threshold threshold = result.threshold();
            text.append(String.format("%-18s %-28s %-14s %-14s %s%n", result.status(), threshold.metric().apiName(),
                    threshold.operator().symbol() + " " + GateFormat.value(threshold.metric(), threshold.value()),
                    result.actual() == null ? "-" : GateFormat.value(threshold.metric(), result.actual()),
                    result.samples() == null ? "-" : result.samples()));
        }
        for (ThresholdResult result : verdict.results()) {
            text.append("  ").append(result.message()).append('\n');
        }
        return text.append(verdict.message()).toString();
    }
}
