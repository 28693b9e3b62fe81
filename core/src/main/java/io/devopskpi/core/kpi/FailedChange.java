package io.devopskpi.core.kpi;

import java.time.Duration;
import java.time.Instant;

/**
 * A failed change (metrics.md): its deployment, when the failure began, when it was restored (null while open),
 * and who the restore time belongs to.
 */
record FailedChange(DeploymentRecord deployment, Instant failureStart, Instant restored, String application,
        Attribution restoreAttribution, java.util.List<FailureReason> reasons, String linkingIncident) {

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
                deployment.delivery().supplier(), restoreAttribution.team(), restoreAttribution.supplier());
    }

    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
