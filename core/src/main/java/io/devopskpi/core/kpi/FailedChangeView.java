package io.devopskpi.core.kpi;

import java.time.Instant;
import java.util.List;

/**
 * A failed change as pages and exports show it: the deployment, why it failed, when the failure began and was
 * restored (null while open), the earliest linking incident, who delivered it and who the restore time belongs to
 * (metrics.md: always the delivery side; {@code restoreTeam} and {@code restoreSupplier} stay for existing clients).
 */
public record FailedChangeView(String deployment, String application, Instant finished, Instant failureStart,
        Instant restored, Double restoreSeconds, List<FailureReason> reasons, String linkingIncident,
        String deliveryTeam, String deliverySupplier, String restoreTeam, String restoreSupplier) {
    public FailedChangeView {
        reasons = List.copyOf(reasons);
    }
}
