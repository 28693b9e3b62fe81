package io.devopskpi.core.query;

import io.devopskpi.core.kpi.FailedChangeView;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import java.time.Instant;

/**
 * A stored deployment with its DELIVERY attribution at {@code finished}, the number of changes it lists and, when
 * it is a failed change of the window, why and how it was restored ({@code failure} null otherwise).
 */
public record DeploymentEntry(String id, String application, String environment, Instant started, Instant finished,
        DeploymentResult result, DeploymentKind kind, String revision, String pipeline, String url, boolean imported,
        Owner delivery, int changes, FailedChangeView failure) {

    public boolean isFailedChange() {
        return failure != null;
    }

    DeploymentEntry withFailure(FailedChangeView view) {
        return new DeploymentEntry(id, application, environment, started, finished, result, kind, revision, pipeline,
                url, imported, delivery, changes, view);
    }
}
