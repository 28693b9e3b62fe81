package io.devopskpi.core.ingest;

import io.devopskpi.core.model.Voiding;
import io.devopskpi.core.store.EventTransaction;
import java.sql.SQLException;
import java.util.List;

/**
 * A void names a stored deployment or incident (else 400 naming the id); voiding a voided target or restoring a
 * live one changes nothing and counts as a duplicate, so re-sends are harmless.
 */
final class VoidRule {
    private VoidRule() {
    }

    static Outcome apply(EventTransaction tx, int index, Voiding voiding) throws SQLException {
        if (!tx.isStored(voiding)) {
            throw new InvalidEventsException(List.of(new EventError(index, "target.id", "target.id names no stored "
                    + voiding.targetType().apiName() + " (" + voiding.describe() + "): '" + voiding.targetId()
                    + "'")));
        }
        boolean voided = tx.isVoided(voiding);
        if (voided == (voiding.action() == Voiding.Action.VOID)) {
            return Outcome.DUPLICATE;
        }
        tx.apply(voiding);
        return Outcome.ACCEPTED;
    }
}
