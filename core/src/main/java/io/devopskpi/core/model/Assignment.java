package io.devopskpi.core.model;

import java.time.Instant;

/**
 * Who is responsible for an application: a supplier (and optionally a team) for DELIVERY, OPERATIONS or BOTH,
 * effective over [from, to); {@code to} null means open-ended. Its key is (application, responsibility, from).
 */
public record Assignment(
        String application,
        String supplier,
        String team,
        Responsibility responsibility,
        Instant from,
        Instant to) implements Event, EffectiveDated<Assignment> {

    public Assignment {
        String event = "assignment " + Checks.quote(application + "/" + responsibility + "/" + from);
        from = Checks.micros(from);
        to = Checks.micros(to);
        application = Checks.required(application, "application", event, Checks.MAX_NAME);
        supplier = Checks.required(supplier, "supplier", event, Checks.MAX_NAME);
        Checks.ownerName(supplier, "supplier", event);
        team = Checks.ownerName(team, "team", event);
        Checks.present(responsibility, "responsibility", event);
        Checks.present(from, "from", event);
        if (to != null && !to.isAfter(from)) {
            throw new InvalidEventException("to", "to must be after from (" + event + "): " + to);
        }
    }

    @Override
    public String describe() {
        return "assignment " + Checks.quote(application + "/" + responsibility + "/" + from);
    }

    /** Whether it covers the instant: from ≤ t < to. */
    public boolean covers(Instant t) {
        return !t.isBefore(from) && (to == null || t.isBefore(to));
    }

    /** Whether this and another assignment of the same application would both be responsible at some instant. */
    @Override
    public boolean overlaps(Assignment other) {
        return application.equals(other.application)
                && responsibility.sharesWith(other.responsibility)
                && (other.to == null || from.isBefore(other.to))
                && (to == null || other.from.isBefore(to));
    }

    @Override
    public boolean sameKey(Assignment other) {
        return application.equals(other.application) && responsibility == other.responsibility
                && from.equals(other.from);
    }
}
