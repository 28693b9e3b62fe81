package io.devopskpi.core.embedded;

import io.devopskpi.core.api.ApplicationAccess;
import io.devopskpi.core.api.ReadApi;
import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.core.summary.KpiSummary;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * devops-kpi inside a CI server (the Jenkins plugin): the store, opened on first use; the outbox in front of it,
 * drained by one background thread (at once after each submit, and every minute while the store is unreachable);
 * and the read side over the same store. Builds only ever wait for the outbox's disk write.
 */
public final class EmbeddedKpis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKpis.class);

    private final StoreConfig config;
    private final Supplier<KpiSettings> settings;
    private final Outbox outbox;
    private final Clock clock;
    private final ScheduledExecutorService drain;
    private Store store;

    /** @param settings read on every KPI request, so an edited band table applies without reopening the store */
    public EmbeddedKpis(StoreConfig config, Supplier<KpiSettings> settings, Outbox outbox, Clock clock) {
        this.config = config;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
        this.drain = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "devops-kpi outbox");
            thread.setDaemon(true);
            return thread;
        });
        drain.scheduleWithFixedDelay(this::flushQuietly, 1, 60, TimeUnit.SECONDS);
    }

    /** Puts the event in the outbox durably and asks the background thread to store it. */
    public void submit(Event event) throws IOException {
        outbox.put(event);
        drain.execute(this::flushQuietly);
    }

    /** Moves every event of the outbox into the store now. @return how many were stored */
    public synchronized int flush() throws IOException {
        Ingestor ingestor = new Ingestor(store(), clock);
        return outbox.replay(event -> ingestor.ingest(List.of(event)));
    }

    /**
     * Submits the event and tries to store it at once, so that what the caller does next (a following pipeline
     * step) sees it. @return true when stored, false when it waits in the outbox because the store is not usable
     */
    public boolean submitNow(Event event) throws IOException {
        outbox.put(event);
        try {
            flush();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("devops-kpi: an event stays in the outbox, the store is not usable: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Ends the stored incident's impact at {@code resolved}, as {@link #submitNow} does.
     *
     * @throws IllegalArgumentException when no incident of that id is stored
     */
    public boolean resolveNow(String id, Instant resolved) throws IOException {
        flush(); // the incident may have been recorded a moment ago and still wait in the outbox
        Incident stored = events().findIncident(id)
                .orElseThrow(() -> new IllegalArgumentException("no incident '" + id + "' is stored"));
        return submitNow(new Incident(id, stored.application(), stored.environment(), stored.started(), null,
                resolved, null, null, null, null));
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException | RuntimeException e) {
            LOG.warn("devops-kpi: events stay in the outbox, the store is not usable: {}", e.getMessage());
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
        return new KpiService(store(), settings.get(), clock);
    }

    /** The read API of api.md over this store, answered with the current settings. */
    public ReadApi readApi() {
        return new ReadApi(store(), kpis(), clock);
    }

    /** The headline KPIs of a scope as pages show them, reused for a minute. */
    public KpiSummary summary(String label, Scope scope, String environment) {
        return KpiSummary.of(label, scope, environment, this::kpis, clock);
    }

    /**
     * An application's summary for a reader whose CI keeps permissions per pipeline: the summary when the reader
     * may read every pipeline that deployed the application (as the read API asks), else one that says it is
     * hidden and shows no figure.
     */
    public KpiSummary applicationSummary(String application, String environment, Predicate<String> mayReadPipeline) {
        String label = application + " (" + environment + ")";
        return new ApplicationAccess(events()::pipelines, mayReadPipeline).mayReadApplication(application)
                ? summary(label, Scope.application(application), environment)
                : new KpiSummary(label, null, null, null, null, "hidden: you may not read every pipeline that "
                        + "deployed " + application);
    }

    /** Named gate policies: those stored in this store and those derived from its contract targets. */
    public GatePolicyLookup policies() {
        return new io.devopskpi.core.governance.GatePolicies(store()).lookup();
    }

    public EventReader events() {
        return new EventReader(store());
    }

    public Outbox outbox() {
        return outbox;
    }

    @Override
    public synchronized void close() {
        drain.shutdownNow();
        if (store != null) {
            store.close();
        }
    }
}
