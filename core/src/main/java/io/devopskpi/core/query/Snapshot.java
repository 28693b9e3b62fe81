package io.devopskpi.core.query;

import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;

/** Runs the queries of one answer on one read-only snapshot, so that a page and its total agree. */
final class Snapshot {
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private Snapshot() {
    }

    static <T> T read(Store store, String what, Work<T> work) {
        try (Connection connection = store.connection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return work.apply(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read " + what + " from the store: " + e.getMessage(), e);
        }
    }
}
