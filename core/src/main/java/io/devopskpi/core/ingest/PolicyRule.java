package io.devopskpi.core.ingest;

import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.store.EventTransaction;
import java.sql.SQLException;
import java.util.Optional;

/** A gate policy is replaced by a re-send with the same name: pipelines always get the current gate. */
final class PolicyRule {
    private PolicyRule() {
    }

    static Outcome apply(EventTransaction tx, GatePolicy sent) throws SQLException {
        Optional<GatePolicy> stored = tx.findPolicy(sent.name());
        if (stored.isPresent() && stored.get().equals(sent)) {
            return Outcome.DUPLICATE;
        }
        tx.store(sent, stored.isPresent());
        return stored.isPresent() ? Outcome.UPDATED : Outcome.ACCEPTED;
    }
}
