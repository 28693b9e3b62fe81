package io.devopskpi.core.kpi;

/** Why a change attempt counts as a failed change: the four rules of metrics.md. */
public enum FailureReason {
    /** Rule 1: the deployment's result is FAILURE. */
    FAILED_RESULT,
    /** Rule 2: an incident names it as its cause. */
    NAMED_AS_CAUSE,
    /** Rule 3: an incident without a usable cause started within the horizon while it was the latest SUCCESS. */
    INCIDENT_WITHIN_HORIZON,
    /** Rule 4: the next SUCCESS or FAILURE deployment is a ROLLBACK or HOTFIX. */
    FOLLOWED_BY_REMEDIATION
}
