package io.devopskpi.core.ingest;

import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.store.EventTransaction;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A contract target replaces the one with its key (supplier, applications, metric, from), and may not overlap
 * another target of the same supplier, applications and metric: a period must be judged against one target.
 */
final class TargetRule {
    private TargetRule() {
    }

    static Outcome apply(EventTransaction tx, int index, ContractTarget sent) throws SQLException {
        List<ContractTarget> existing = tx.targets(sent.supplier());
        Optional<ContractTarget> overlapped = existing.stream()
                .filter(other -> !other.sameKey(sent) && other.overlaps(sent))
                .findFirst();
        if (overlapped.isPresent()) {
            ContractTarget other = overlapped.get();
            throw new EventConflictException(index, sent.describe() + " overlaps " + other.describe() + " ("
                    + other.threshold().describe() + ", " + other.from() + ".."
                    + (other.to() == null ? "open" : other.to()) + "): end the other one first by re-sending it "
                    + "with a 'to'");
        }
        Optional<ContractTarget> stored = existing.stream().filter(sent::sameKey).findFirst();
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
