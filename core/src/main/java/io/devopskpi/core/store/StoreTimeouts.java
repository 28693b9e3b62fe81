package io.devopskpi.core.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the store waits for a database that does not answer. {@code connection}: the longest a caller waits for
 * a pooled connection, and for a new one to be opened (TCP connect and login); {@code socket}: the longest a
 * statement waits for the database's next bytes on PostgreSQL before its connection is given up (a hung server or
 * a dead network path, which sends no reset, would otherwise hold the request for ever). Both end in a
 * {@link StoreException}, which the server answers with 503. H2 runs in the process and has no socket.
 */
public record StoreTimeouts(Duration connection, Duration socket) {
    /** 10 s to get a connection; 60 s for the database's next bytes, twice the server's default read budget. */
    public static final StoreTimeouts DEFAULT = new StoreTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));

    public StoreTimeouts {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(socket, "socket");
        if (connection.toMillis() < 250) {
            throw new IllegalArgumentException("the connection timeout must be at least 250 ms: " + connection);
        }
        if (socket.toSeconds() < 1) {
            throw new IllegalArgumentException("the socket timeout must be at least 1 s: " + socket);
        }
    }
}
