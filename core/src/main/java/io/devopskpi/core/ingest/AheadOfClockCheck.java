package io.devopskpi.core.ingest;

import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses deployment, change and incident times too far after the server's clock: they would sit in every future
 * window. Assignment dates are contract dates and may lie anywhere.
 */
final class AheadOfClockCheck {
    private final Instant limit;
    private final String allowance;

    AheadOfClockCheck(Instant now, Duration maxAhead) {
        this.limit = now.plus(maxAhead);
        this.allowance = maxAhead.toHours() + "h";
    }

    /** One error per offending field of the event at this index of its batch. */
    List<EventError> check(int index, Event event) {
        List<EventError> errors = new ArrayList<>();
        if (event instanceof Deployment deployment) {
            check(index, event, "started", deployment.started(), errors);
            check(index, event, "finished", deployment.finished(), errors);
            for (int i = 0; i < deployment.changes().size(); i++) {
                check(index, event, "changes[" + i + "].committed", deployment.changes().get(i).committed(), errors);
            }
        } else if (event instanceof Incident incident) {
            check(index, event, "started", incident.started(), errors);
            check(index, event, "detected", incident.detected(), errors);
            check(index, event, "resolved", incident.resolved(), errors);
        }
        return errors;
    }

    private void check(int index, Event event, String field, Instant value, List<EventError> errors) {
        if (value != null && value.isAfter(limit)) {
            errors.add(new EventError(index, field, field + " must not be more than " + allowance
                    + " after the server's clock (" + event.describe() + "): " + value));
        }
    }
}
