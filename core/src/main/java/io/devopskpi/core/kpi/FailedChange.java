package io.devopskpi.core.kpi;

import java.time.Duration;
import java.time.Instant;

/**
 * A failed change (metrics.md): its deployment, when the failure began and when it was restored (null while
 * open). Its restore time belongs to the deployment's delivery side.
 */
record FailedChange(DeploymentRecord deployment, Instant failureStart, Instant restored, String application,
        java.util.List<FailureReason> reasons, String linkingIncident) {

    boolean isOpen() {
        return restored == null;
    }

    double restoreSeconds() {
        return seconds(Duration.between(failureStart, restored));
    }

    /** The public view of this failed change. */
    FailedChangeView view() {
        return new FailedChangeView(deployment.id(), application, deployment.finished(), failureStart, restored,
                isOpen() ? null : restoreSeconds(), reasons, linkingIncident, deployment.delivery().team(),
                deployment.delivery().supplier(), deployment.delivery().team(), deployment.delivery().supplier());
    }

    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
