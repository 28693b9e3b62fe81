package io.devopskpi.core.ingest;

import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.store.EventTransaction;
import java.sql.SQLException;

/**
 * A contract target replaces the one with its key (supplier, applications, metric, from), and may not overlap
 * another target of the same supplier, applications and metric: a period must be judged against one target.
 */
final class TargetRule {
    private TargetRule() {
    }

    static Outcome apply(EventTransaction tx, int index, ContractTarget sent) throws SQLException {
        return EffectiveDatedRule.apply(sent, tx.targets(sent.supplier()),
                other -> new EventConflictException(index, sent.describe() + " overlaps " + other.describe() + " ("
                        + other.threshold().describe() + ", " + other.from() + ".."
                        + (other.to() == null ? "open" : other.to()) + "): end the other one first by re-sending it "
                        + "with a 'to'"),
                tx::insert, tx::replace);
    }
}
