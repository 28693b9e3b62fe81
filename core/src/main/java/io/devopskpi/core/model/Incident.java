package io.devopskpi.core.model;

import java.time.Instant;

/**
 * Impact on an application in an environment: when it began ({@code started}), was detected and was resolved
 * (null while open). {@code cause} optionally names the deployment id that caused it. {@code team} and
 * {@code supplier} override the OPERATIONS assignment.
 */
public record Incident(
        String id,
        String application,
        String environment,
        Instant started,
        Instant detected,
        Instant resolved,
        String severity,
        String cause,
        String team,
        String supplier) implements Event {

    public Incident {
        String event = "incident " + Checks.quote(id);
        started = Checks.micros(started);
        detected = Checks.micros(detected);
        resolved = Checks.micros(resolved);
        id = Checks.required(id, "id", event, Checks.MAX_ID);
        application = Checks.required(application, "application", event, Checks.MAX_NAME);
        environment = Checks.required(environment, "environment", event, Checks.MAX_NAME);
        Checks.present(started, "started", event);
        Checks.notBefore(detected, "detected", started, "started", event);
        Checks.notBefore(resolved, "resolved", started, "started", event);
        severity = Checks.optional(severity, "severity", event, Checks.MAX_NAME);
        cause = Checks.optional(cause, "cause", event, Checks.MAX_ID);
        team = Checks.ownerName(team, "team", event);
        supplier = Checks.ownerName(supplier, "supplier", event);
    }

    @Override
    public String describe() {
        return "incident " + Checks.quote(id);
    }

    /**
     * This stored incident updated by a re-sent one: the fields the re-send carries among detected, resolved,
     * severity, cause, team and supplier replace the stored ones; absent (null) fields keep their stored values.
     */
    public Incident updatedBy(Incident resent) {
        return new Incident(id, application, environment, started,
                resent.detected != null ? resent.detected : detected,
                resent.resolved != null ? resent.resolved : resolved,
                resent.severity != null ? resent.severity : severity,
                resent.cause != null ? resent.cause : cause,
                resent.team != null ? resent.team : team,
                resent.supplier != null ? resent.supplier : supplier);
    }

    /** The first of application, environment and started in which a re-send differs: those may not change. */
    public java.util.Optional<String> identityDifference(Incident resent) {
        if (!application.equals(resent.application)) {
            return java.util.Optional.of("application");
        }
        if (!environment.equals(resent.environment)) {
            return java.util.Optional.of("environment");
        }
        if (!started.equals(resent.started)) {
            return java.util.Optional.of("started");
        }
        return java.util.Optional.empty();
    }
}
