package io.devopskpi.core.ingest;

import io.devopskpi.core.model.Incident;
import io.devopskpi.core.store.EventTransaction;
import java.sql.SQLException;
import java.util.Optional;

/**
 * An incident evolves while it is open: a re-send updates the fields it carries (detected, resolved, severity,
 * cause, team, supplier), but its application, environment and start identify it and may not change.
 */
final class IncidentRule {
    private IncidentRule() {
    }

    static Outcome apply(EventTransaction tx, int index, Incident sent) throws SQLException {
        Optional<Incident> found = tx.findIncident(sent.id());
        if (found.isEmpty()) {
            tx.insert(sent);
            return Outcome.ACCEPTED;
        }
        Incident stored = found.get();
        Optional<String> field = stored.identityDifference(sent);
        if (field.isPresent()) {
            throw new EventConflictException(index, sent.describe() + " was already stored with a different "
                    + field.get() + ": stored " + Values.show(identity(stored, field.get())) + ", sent "
                    + Values.show(identity(sent, field.get())));
        }
        Incident updated = stored.updatedBy(sent);
        if (updated.equals(stored)) {
            return Outcome.DUPLICATE;
        }
        tx.update(updated);
        return Outcome.UPDATED;
    }

    private static Object identity(Incident incident, String field) {
        return switch (field) {
            case "application" -> incident.application();
            case "environment" -> incident.environment();
            case "started" -> incident.started();
            default -> throw new IllegalArgumentException("not an incident identity field: " + field);
        };
    }
}
