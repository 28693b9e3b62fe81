package io.devopskpi.core.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Tests' way to a store's connections, which production code outside this package does not have (the engine
 * reads with {@link StoreRead}): to look at or arrange stored rows directly, or to read through a repository
 * and a reference query on the same connection.
 */
public final class StoreConnections {
    private StoreConnections() {
    }

    /** A pooled connection of the store, as the store's own classes get it. */
    public static Connection of(Store store) throws SQLException {
        return store.connection();
    }

    /** The engine's reads on a connection of the store that the test holds (no snapshot of their own). */
    public static StoreRead readOn(Store store, Connection connection) {
        return new StoreRead(connection, store.config().isPostgres());
    }
}
