package io.devopskpi.core.gate;

import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.metric.GateFormat;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Threshold;
import io.devopskpi.core.text.Excerpt;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a gate against the KPIs of its query, one result line per threshold (metrics.md, "Gates"). */
public final class KpiGateEvaluator {
    private final KpiService kpis;

    public KpiGateEvaluator(KpiService kpis) {
        this.kpis = kpis;
    }

    /** Computes the gate's KPIs now and judges them. */
    public GateVerdict evaluate(KpiGate gate) {
        return judge(gate, kpis.figures(gate.query()));
    }

    /**
     * The verdict when the KPIs cannot be computed at all (the store is not usable): every threshold lacks data,
     * with the reason, so the gate fails only when it says {@code failOnInsufficientData}.
     */
    public static GateVerdict unavailable(KpiGate gate, String reason) {
        List<ThresholdResult> results = new ArrayList<>();
        for (Threshold threshold : gate.thresholds()) {
            results.add(new ThresholdResult(threshold, null, null, GateStatus.INSUFFICIENT_DATA,
                    threshold.metric().label() + " cannot be judged: " + reason));
        }
        return new GateVerdict(gate, GateStatus.INSUFFICIENT_DATA, results,
                summary(GateStatus.INSUFFICIENT_DATA, results, gate) + " (" + reason + ")");
    }

    /**
     * Judges already computed KPIs. A scope nothing was recorded for (an application no event names, a team or
     * supplier without any responsibility in the window: a typo, most likely) lacks data for every threshold.
     */
    public static GateVerdict judge(KpiGate gate, KpiFigures report) {
        String unknown = unknownScope(gate.query(), report);
        if (unknown != null) {
            return unavailable(gate, unknown);
        }
        List<ThresholdResult> results = new ArrayList<>();
        for (Threshold threshold : gate.thresholds()) {
            results.add(judge(threshold, report, threshold.minSamplesOr(gate.minSamples())));
        }
        GateStatus status = results.stream().anyMatch(r -> r.status() == GateStatus.FAILED) ? GateStatus.FAILED
                : results.stream().anyMatch(r -> r.status() == GateStatus.INSUFFICIENT_DATA)
                        ? GateStatus.INSUFFICIENT_DATA : GateStatus.PASSED;
        return new GateVerdict(gate, status, results, summary(status, results, gate));
    }

    /** Why the gate's scope cannot be judged at all, or null when it can. */
    private static String unknownScope(KpiQuery query, KpiFigures figures) {
        Scope scope = query.scope();
        boolean unknown = switch (scope.kind()) {
            case ALL -> false;
            case APPLICATION -> figures.applications().isEmpty();
            case TEAM, SUPPLIER -> figures.responsibilities().isEmpty();
        };
        return unknown ? "no events recorded for " + scope.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                + Excerpt.quoted(scope.name()) + " in " + query.environment()
                + (scope.kind() == Scope.Kind.APPLICATION ? "" : " in the window") : null;
    }

    private static ThresholdResult judge(Threshold threshold, KpiFigures report, int minSamples) {
        GateMetric metric = threshold.metric();
        Double actual = report.value(metric);
        Integer samples = report.samples(metric);
        String limit = GateFormat.value(metric, threshold.value());
        String sampleText = samples == null ? "" : " (" + samples + " " + metric.sampleNoun() + ")";
        if (actual == null) {
            return new ThresholdResult(threshold, null, samples, GateStatus.INSUFFICIENT_DATA,
                    metric.label() + " has no data" + sampleText + ", so " + threshold.operator().symbol() + " "
                            + limit + " cannot be judged");
        }
        String value = GateFormat.value(metric, actual);
        if (samples != null && samples < minSamples) {
            return new ThresholdResult(threshold, actual, samples, GateStatus.INSUFFICIENT_DATA,
                    metric.label() + " " + value + " rests on " + samples + " " + metric.sampleNoun()
                            + ", fewer than the minimum of " + minSamples + ", so " + threshold.operator().symbol()
                            + " " + limit + " is not judged");
        }
        if (threshold.heldBy(report.exact(metric))) {
            return new ThresholdResult(threshold, actual, samples, GateStatus.PASSED,
                    metric.label() + " " + value + sampleText + " meets " + threshold.operator().symbol() + " "
                            + limit);
        }
        return new ThresholdResult(threshold, actual, samples, GateStatus.FAILED,
                metric.label() + " " + value + sampleText + " " + threshold.operator().breachWords() + " " + limit);
    }

    private static String summary(GateStatus status, List<ThresholdResult> results, KpiGate gate) {
        long failed = results.stream().filter(r -> r.status() == GateStatus.FAILED).count();
        long missing = results.stream().filter(r -> r.status() == GateStatus.INSUFFICIENT_DATA).count();
        return switch (status) {
            case PASSED -> "PASSED: all " + results.size() + " thresholds met";
            case FAILED -> "FAILED: " + failed + " of " + results.size() + " thresholds breached: "
                    + String.join("; ", results.stream().filter(r -> r.status() == GateStatus.FAILED)
                            .map(ThresholdResult::message).toList());
            case INSUFFICIENT_DATA -> "INSUFFICIENT_DATA: " + missing + " of " + results.size()
                    + " thresholds lack data" + (gate.failOnInsufficientData()
                            ? " and the gate fails on insufficient data" : "; the gate does not fail on that");
        };
    }
}
