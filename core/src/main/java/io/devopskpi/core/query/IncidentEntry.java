package io.devopskpi.core.query;

import io.devopskpi.core.model.Severity;
import io.devopskpi.core.store.Voided;
import java.time.Duration;
import java.time.Instant;

/**
 * A stored incident with its OPERATIONS attribution at {@code started}; {@code voided}: the void mark (api.md,
 * "Void"), or null; a voided incident is listed but counts nowhere.
 */
public record IncidentEntry(String id, String application, String environment, Instant started, Instant detected,
        Instant resolved, String severity, String cause, Owner operations, Voided voided) {

    /**
     * The normalised severity of its free-text {@code severity} (metrics.md, "Severity"): the level the
     * {@code minSeverity} filters compare, derived by the same lists the store keeps it with.
     */
    public Severity severityLevel() {
        return Severity.of(severity);
    }

    /** From start to detection, or null when not detected. */
    public Double detectSeconds() {
        return detected == null ? null : seconds(Duration.between(started, detected));
    }

    /** From start to resolution, or null while unresolved. */
    public Double durationSeconds() {
        return resolved == null ? null : seconds(Duration.between(started, resolved));
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
