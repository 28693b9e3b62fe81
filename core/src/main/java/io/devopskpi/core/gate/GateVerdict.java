package io.devopskpi.core.gate;

import java.util.List;

/** A gate's verdict: FAILED when any threshold failed, else INSUFFICIENT_DATA when any lacked data, else PASSED. */
public record GateVerdict(KpiGate gate, GateStatus status, List<ThresholdResult> results, String message) {
    public GateVerdict {
        results = List.copyOf(results);
    }

    /**
     * Whether the caller should treat its build as breached: FAILED, or INSUFFICIENT_DATA when the gate says
     * missing data fails it. (api.md answers 412 exactly then.)
     */
    public boolean breached() {
        return status == GateStatus.FAILED
                || status == GateStatus.INSUFFICIENT_DATA && gate.failOnInsufficientData();
    }
}
