package io.devopskpi.core.model;

/** The outcome of a deployment run (metrics.md: UNSTABLE and ABORTED runs did not deploy). */
public enum DeploymentResult {
    SUCCESS, FAILURE, ABORTED, UNSTABLE
}
