package io.devopskpi.core.ingest;

import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.store.EventTransaction;
import java.sql.SQLException;

/**
 * An assignment replaces the one with its key (application, responsibility, from), and may not overlap any other
 * assignment of the application that shares DELIVERY or OPERATIONS: attribution must be unambiguous.
 */
final class AssignmentRule {
    private AssignmentRule() {
    }

    static Outcome apply(EventTransaction tx, int index, Assignment sent) throws SQLException {
        return EffectiveDatedRule.apply(sent, tx.assignments(sent.application()),
                other -> new EventConflictException(index, sent.describe() + " overlaps " + other.describe() + " ("
                        + other.supplier() + ", " + other.from() + ".." + (other.to() == null ? "open" : other.to())
                        + ")"),
                tx::insert, tx::replace);
    }
}
