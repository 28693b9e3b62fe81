package io.jenkins.plugins.devopskpi.queue;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugin's side of core: the store (opened on first use), the durable queue in front of it, and one
 * background thread that moves queued events into the store (at once after each submit, and every minute while
 * the store is unreachable). Builds only ever wait for the queue's disk write.
 */
public final class KpiBackend implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KpiBackend.class.getName());

    private final StoreConfig config;
    private final KpiSettings settings;
    private final EventQueue queue;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private Store store;

    public KpiBackend(StoreConfig config, KpiSettings settings, EventQueue queue, Clock clock) {
        this.config = config;
        this.settings = settings;
        this.queue = queue;
        this.clock = clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "devops-kpi event queue");
            thread.setDaemon(true);
            return thread;
        });
        worker.scheduleWithFixedDelay(this::flushQuietly, 1, 60, TimeUnit.SECONDS);
    }

    /** Queues the event durably and asks the background thread to store it. */
    public void submit(Event event) throws IOException {
        queue.put(event);
        worker.execute(this::flushQuietly);
    }

    /** Moves every queued event into the store now. @return how many were stored */
    public synchronized int flush() throws IOException {
        Ingestor ingestor = new Ingestor(store(), clock);
        return queue.replay(event -> ingestor.ingest(List.of(event)));
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "devops-kpi: queued events stay queued, the store is not usable: "
                    + e.getMessage());
        }
    }

    /** Opens the store on first use; a failed open is retried on the next call. */
    public synchronized Store store() {
        if (store == null) {
            store = Store.open(config);
        }
        return store;
    }

    public KpiService kpis() {
        return new KpiService(store(), settings, clock);
    }

    public EventReader events() {
        return new EventReader(store());
    }

    public Ingestor ingestor() {
        return new Ingestor(store(), clock);
    }

    public EventQueue queue() {
        return queue;
    }

    @Override
    public synchronized void close() {
        worker.shutdownNow();
        if (store != null) {
            store.close();
        }
    }
}
