package io.devopskpi.core.ingest;

import io.devopskpi.core.model.EffectiveDated;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stores an effective-dated record: refused when it overlaps a stored record of another key, inserted when its key
 * is new, a duplicate when it equals the stored one, otherwise a replacement.
 */
final class EffectiveDatedRule {
    private EffectiveDatedRule() {
    }

    /** Writes one record into the open transaction. */
    interface Write<T> {
        void accept(T record) throws SQLException;
    }

    /**
     * @param existing the stored records that could clash with it (those of its application or supplier)
     * @param overlap  the conflict to throw for the stored record it overlaps
     */
    static <T extends EffectiveDated<T>> Outcome apply(T sent, List<T> existing,
            Function<T, EventConflictException> overlap, Write<T> insert, Write<T> replace) throws SQLException {
        Optional<T> overlapped = existing.stream()
                .filter(other -> !other.sameKey(sent) && other.overlaps(sent))
                .findFirst();
        if (overlapped.isPresent()) {
            throw overlap.apply(overlapped.get());
        }
        Optional<T> stored = existing.stream().filter(sent::sameKey).findFirst();
        if (stored.isEmpty()) {
            insert.accept(sent);
            return Outcome.ACCEPTED;
        }
        if (stored.get().equals(sent)) {
            return Outcome.DUPLICATE;
        }
        replace.accept(sent);
        return Outcome.UPDATED;
    }
}
