package io.devopskpi.core.gate;

/** The verdict of a threshold or a whole gate. */
public enum GateStatus {
    PASSED, FAILED, INSUFFICIENT_DATA
}
