package io.devopskpi.core.store;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writers' turn on an embedded H2 database, held from a write transaction's first statement until its commit
 * has been written to the file. H2 writes a commit to its file after the transaction's row locks are released
 * (MVStore {@code TransactionStore.endTransaction}), and it writes whatever the maps hold at that moment, maps one
 * by one: another writer that starts in between can have half its transaction in that file, and after a kill -9
 * H2 was seen to bring such a half back (a deployment row without its change rows, {@code KillNineSoakTest}).
 * Holding this lock across begin → commit keeps every store of the file between two whole transactions. The
 * {@code write_lock} row still orders writers across processes (PostgreSQL); H2's file lock admits one process.
 */
final class EmbeddedWriteLock {
    private static final Map<String, ReentrantLock> BY_DATABASE = new ConcurrentHashMap<>();

    private EmbeddedWriteLock() {
    }

    /** The lock of the H2 database {@code config} names; none for PostgreSQL. */
    static ReentrantLock of(StoreConfig config) {
        if (config.isPostgres()) {
            return null;
        }
        return BY_DATABASE.computeIfAbsent(config.database(), d -> new ReentrantLock(true));
    }

    /** Waits for the turn at most {@code timeout}, like H2's own lock timeout would. */
    static void acquire(ReentrantLock lock, Duration timeout) throws SQLException {
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLTimeoutException("another writer held the store for more than " + timeout.toSeconds()
                        + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for another writer", e);
        }
    }
}
