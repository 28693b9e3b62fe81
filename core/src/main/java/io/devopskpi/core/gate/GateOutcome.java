package io.devopskpi.core.gate;

/**
 * What a gate verdict does to the build: nothing, a log line, UNSTABLE (run result and stage marked, the build
 * goes on) or FAILURE (the step fails). Only a breach ({@link GateVerdict#breached()}) does anything, so
 * INSUFFICIENT_DATA fails nothing unless the gate says {@code failOnInsufficientData}.
 */
public enum GateOutcome {
    PASS, LOG, UNSTABLE, FAILURE;

    public static GateOutcome of(GateVerdict verdict) {
        if (!verdict.breached()) {
            return PASS;
        }
        return switch (verdict.gate().onBreach()) {
            case FAILURE -> FAILURE;
            case UNSTABLE -> UNSTABLE;
            case WARNING -> LOG;
        };
    }
}
