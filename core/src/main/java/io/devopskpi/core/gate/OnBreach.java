package io.devopskpi.core.gate;

/** What the caller does with its build when a gate fails: fail it, mark it unstable, or only warn. */
public enum OnBreach {
    FAILURE, UNSTABLE, WARNING
}
