package io.devopskpi.core.ingest;

import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.store.EventTransaction;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * An assignment replaces the one with its key (application, responsibility, from), and may not overlap any other
 * assignment of the application that shares DELIVERY or OPERATIONS: attribution must be unambiguous.
 */
final class AssignmentRule {
    private AssignmentRule() {
    }

    static Outcome apply(EventTransaction tx, int index, Assignment sent) throws SQLException {
        List<Assignment> existing = tx.assignments(sent.application());
        Optional<Assignment> overlapped = existing.stream()
                .filter(other -> !other.sameKey(sent) && other.overlaps(sent))
                .findFirst();
        if (overlapped.isPresent()) {
            Assignment other = overlapped.get();
            throw new EventConflictException(index, sent.describe() + " overlaps " + other.describe() + " ("
                    + other.supplier() + ", " + other.from() + ".." + (other.to() == null ? "open" : other.to())
                    + ")");
        }
        Optional<Assignment> stored = existing.stream().filter(sent::sameKey).findFirst();
        if (stored.isEmpty()) {
            tx.insert(sent);
            return Outcome.ACCEPTED;
        }
        if (stored.get().equals(sent)) {
            return Outcome.DUPLICATE;
        }
        tx.replace(sent);
        return Outcome.UPDATED;
    }
}
