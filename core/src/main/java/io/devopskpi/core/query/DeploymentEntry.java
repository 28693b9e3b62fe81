package io.devopskpi.core.query;

import io.devopskpi.core.kpi.FailedChangeView;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.store.StoredValues;
import io.devopskpi.core.store.Voided;
import java.time.Instant;

/**
 * A stored deployment with its DELIVERY attribution at {@code finished}, the number of changes it lists and, when
 * it is a failed change of the window, why and how it was restored ({@code failure} null otherwise). {@code result}
 * and {@code kind} are null when a newer version stored a value this one does not know ({@link StoredValues}).
 * {@code voided}: the void mark (api.md, "Void"), or null; a voided deployment is listed but counts nowhere.
 */
public record DeploymentEntry(String id, String application, String environment, Instant started, Instant finished,
        DeploymentResult result, DeploymentKind kind, String revision, String pipeline, String url, boolean imported,
        Owner delivery, int changes, FailedChangeView failure, Voided voided) {

    /** The result's name, or {@link StoredValues#UNKNOWN}. */
    public String resultName() {
        return result == null ? StoredValues.UNKNOWN : result.name();
    }

    /** The kind's name, or {@link StoredValues#UNKNOWN}. */
    public String kindName() {
        return kind == null ? StoredValues.UNKNOWN : kind.name();
    }

    public boolean isFailedChange() {
        return failure != null;
    }

    DeploymentEntry withFailure(FailedChangeView view) {
        return new DeploymentEntry(id, application, environment, started, finished, result, kind, revision, pipeline,
                url, imported, delivery, changes, view, voided);
    }
}
