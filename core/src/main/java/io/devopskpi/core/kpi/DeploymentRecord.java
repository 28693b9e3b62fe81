package io.devopskpi.core.kpi;

import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import java.time.Instant;
import java.util.Comparator;

/**
 * A stored deployment as the engine sees it: its effective result (FAILURE read as ABORTED when FAILURE runs are
 * not failed changes), its DELIVERY attribution at {@code finished}, and whether it started during an incident of
 * its application and environment.
 */
record DeploymentRecord(String id, String application, Instant started, Instant finished, DeploymentResult result,
        DeploymentKind kind, boolean imported, Attribution delivery, boolean startedDuringIncident) {

    /** metrics.md, "Order": by finished, then started, then id. */
    static final Comparator<DeploymentRecord> ORDER = Comparator.comparing(DeploymentRecord::finished)
            .thenComparing(DeploymentRecord::started)
            .thenComparing(DeploymentRecord::id);

    boolean isSuccess() {
        return result == DeploymentResult.SUCCESS;
    }

    /** SUCCESS or FAILURE: counted in change failure rate and looked at as "next". */
    boolean isAttempt() {
        return result == DeploymentResult.SUCCESS || result == DeploymentResult.FAILURE;
    }

    boolean isAfter(DeploymentRecord other) {
        return ORDER.compare(this, other) > 0;
    }
}
