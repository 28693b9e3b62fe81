package io.devopskpi.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps an embedded H2 file compact. The embedded store writes every commit to its file before it returns
 * ({@code WRITE_DELAY=0}, {@link StoreConfig#embedded}); H2 then runs no background thread, and with it goes H2's
 * own housekeeping, which re-writes chunks whose pages are mostly dead. Without it the file only grows: a million
 * deployments ingested made a 13.4 GB file of which 8 % was live (docs/performance.md). This does that
 * housekeeping instead: once a second, while fewer than half of the file's chunk bytes are live, it re-writes
 * sparse chunks (H2's public {@link MVStore#compact}) for about {@link #BURST_MILLIS}, holding the writers' turn
 * ({@link EmbeddedWriteLock}) so that what it stores lies between two whole transactions. It takes the turn only
 * when no writer holds it, so a busy store is left alone (a bulk import is compacted after it), and a writer that
 * arrives during a burst waits for the rest of it.
 */
final class EmbeddedCompaction implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedCompaction.class.getName());
    /** Re-write while fewer than this share (%) of the chunks' bytes is live; H2's own housekeeping uses 50. */
    static final int TARGET_FILL_RATE = 50;
    /** At least this many bytes re-written per call: about 50 ms on this project's machines. */
    private static final int WRITE_BYTES = 4 * 1024 * 1024;
    private static final long BURST_MILLIS = 200;

    private final DataSource connections;
    private final ReentrantLock writersTurn;
    private final ScheduledExecutorService timer;

    private EmbeddedCompaction(DataSource connections, ReentrantLock writersTurn, boolean scheduled) {
        this.connections = connections;
        this.writersTurn = writersTurn;
        if (scheduled) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "devops-kpi:h2-compaction");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        } else {
            timer = null;
        }
    }

    /**
     * The compaction of {@code config}'s store once a second, or null when H2 does it itself or there is no file:
     * PostgreSQL, an in-memory H2 database, or an H2 file written with a delay (its background thread compacts).
     */
    static EmbeddedCompaction of(StoreConfig config, DataSource connections) {
        return needed(config) ? new EmbeddedCompaction(connections, EmbeddedWriteLock.of(config), true) : null;
    }

    /** One that runs only when asked ({@link #compact}): tests. */
    static EmbeddedCompaction onDemand(StoreConfig config, DataSource connections) {
        return new EmbeddedCompaction(connections, EmbeddedWriteLock.of(config), false);
    }

    static boolean needed(StoreConfig config) {
        String database = config.database();
        return database.startsWith(EmbeddedMigration.FILE_URL) && Arrays.stream(config.jdbcUrl()
                .substring(database.length()).split(";")).anyMatch(s -> s.equalsIgnoreCase("WRITE_DELAY=0"));
    }

    private void tick() {
        try {
            compact(BURST_MILLIS);
        } catch (SQLException | RuntimeException e) {
            // the next tick tries again; a store that is closing or closed ends here too
            LOG.log(Level.FINE, "H2 compaction skipped", e);
        }
    }

    /**
     * Re-writes sparse chunks for about {@code budgetMillis} at most, when no writer holds the store.
     *
     * @return whether any chunk was re-written
     */
    boolean compact(long budgetMillis) throws SQLException {
        if (!writersTurn.tryLock()) {
            return false;
        }
        try (Connection connection = connections.getConnection()) {
            MVStore store = mvStoreOf(connection);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
            boolean any = false;
            // compact re-writes only while fewer than TARGET_FILL_RATE % of the chunk bytes are live
            while (!store.isClosed() && store.compact(TARGET_FILL_RATE, WRITE_BYTES)) {
                any = true;
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            return any;
        } finally {
            writersTurn.unlock();
        }
    }

    /** The share (%) of the file's chunk bytes that is live. */
    int chunksFillRate() throws SQLException {
        try (Connection connection = connections.getConnection()) {
            return mvStoreOf(connection).getFileStore().getChunksFillRate();
        }
    }

    /** H2's store under a pooled connection: the embedded session's database (H2 2.x). */
    private static MVStore mvStoreOf(Connection connection) throws SQLException {
        JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
        if (!(h2.getSession() instanceof SessionLocal session)) {
            throw new SQLException("not an embedded H2 session");
        }
        return session.getDatabase().getStore().getMvStore();
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        // no interrupt: H2 reads and writes its file through a FileChannel, which an interrupt closes
        timer.shutdown();
        try {
            // a burst in flight holds a pooled connection: let it end before the pool closes
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
