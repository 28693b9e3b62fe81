package io.devopskpi.core.kpi;

import io.devopskpi.core.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A KPI question: a scope, one environment, a half-open window [from, to) and the zone of calendar buckets
 * (days, ISO weeks, months); {@code minSeverity}, when not null, keeps only incidents of at least that normalised
 * severity in the incident-side KPIs (time to detect, time to resolve, availability; metrics.md, "Severity").
 */
public record KpiQuery(Scope scope, String environment, Instant from, Instant to, ZoneId zone,
        Severity minSeverity) {
    public static final String DEFAULT_ENVIRONMENT = "production";
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    public KpiQuery {
        Objects.requireNonNull(scope, "scope");
        if (environment == null || environment.isBlank()) {
            throw new IllegalArgumentException("environment must not be blank: '" + environment + "'");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        // The store keeps microseconds; a finer bound would be rounded differently by each database.
        from = from.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        to = to.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to: from " + from + ", to " + to);
        }
        zone = zone == null ? ZoneOffset.UTC : zone;
        if (minSeverity == Severity.UNKNOWN) {
            throw new IllegalArgumentException("the minimum severity must be critical, major or minor");
        }
    }

    /** Every incident, whatever its severity. */
    public KpiQuery(Scope scope, String environment, Instant from, Instant to, ZoneId zone) {
        this(scope, environment, from, to, zone, null);
    }

    /** A window of the given length ending at {@code now}. */
    public static KpiQuery ending(Scope scope, String environment, Instant now, Duration length, ZoneId zone) {
        return new KpiQuery(scope, environment, now.minus(length), now, zone);
    }

    public KpiQuery withWindow(Instant newFrom, Instant newTo) {
        return new KpiQuery(scope, environment, newFrom, newTo, zone, minSeverity);
    }

    public KpiQuery withScope(Scope newScope) {
        return new KpiQuery(newScope, environment, from, to, zone, minSeverity);
    }

    /** The same question counting only incidents of at least {@code minimum} (null: all). */
    public KpiQuery withMinSeverity(Severity minimum) {
        return new KpiQuery(scope, environment, from, to, zone, minimum);
    }
}
