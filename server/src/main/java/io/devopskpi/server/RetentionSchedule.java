package io.devopskpi.server;

import io.devopskpi.core.store.Retention;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --retain}: deletes the events older than the retention period once when the server starts and then every
 * 24 hours, on one daemon thread. A failed run is logged and the next one tries again.
 */
final class RetentionSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);
    static final long PERIOD_HOURS = 24;

    private final ScheduledExecutorService executor;

    private RetentionSchedule(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Purges now, on the caller's thread (a store that cannot purge fails the start), then daily. */
    static RetentionSchedule start(Retention retention, Store store, Clock clock) {
        purge(retention, store, clock);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "devops-kpi-retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleAtFixedRate(() -> {
            try {
                purge(retention, store, clock);
            } catch (StoreException e) {
                LOG.warn("retention {}: the store is not usable now, trying again in {} h: {}", retention,
                        PERIOD_HOURS, e.getMessage());
            }
        }, PERIOD_HOURS, PERIOD_HOURS, TimeUnit.HOURS);
        return new RetentionSchedule(executor);
    }

    private static void purge(Retention retention, Store store, Clock clock) {
        Retention.Purged purged = retention.purge(store, clock.instant());
        LOG.info("retention {}: deleted {} deployments finished before {} (with {} changes and {} components) and "
                + "{} incidents resolved before it", retention, purged.deployments(), purged.cutoff(),
                purged.changes(), purged.components(), purged.incidents());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
