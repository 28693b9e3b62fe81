package io.devopskpi.core.kpi;

import java.time.Duration;
import java.util.Objects;

/**
 * The configurable parts of metrics.md: whether a FAILURE deployment is a failed change (on by default; when off,
 * FAILURE runs are treated like ABORTED), the attribution horizon of unlinked incidents (24 h), the band table.
 */
public record KpiSettings(boolean failureIsFailedChange, Duration attributionHorizon, BandTable bands) {
    public KpiSettings {
        Objects.requireNonNull(attributionHorizon, "attributionHorizon");
        Objects.requireNonNull(bands, "bands");
        if (attributionHorizon.isNegative() || attributionHorizon.isZero()) {
            throw new IllegalArgumentException("attributionHorizon must be positive: " + attributionHorizon);
        }
    }

    public static KpiSettings defaults() {
        return new KpiSettings(true, Duration.ofHours(24), BandTable.defaults());
    }
}
