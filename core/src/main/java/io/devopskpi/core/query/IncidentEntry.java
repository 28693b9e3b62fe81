package io.devopskpi.core.query;

import java.time.Duration;
import java.time.Instant;

/** A stored incident with its OPERATIONS attribution at {@code started}. */
public record IncidentEntry(String id, String application, String environment, Instant started, Instant detected,
        Instant resolved, String severity, String cause, Owner operations) {

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
