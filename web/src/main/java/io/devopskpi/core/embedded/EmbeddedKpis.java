package io.devopskpi.core.embedded;

import io.devopskpi.core.api.ApiAnswer;
import io.devopskpi.core.api.ReadApi;
import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.governance.GatePolicies;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.KpiGateEvaluator;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.json.GateJson;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.query.ApplicationList;
import io.devopskpi.core.query.ApplicationSummary;
import io.devopskpi.core.query.EnvironmentList;
import io.devopskpi.core.query.TeamList;
import io.devopskpi.core.query.TeamSummary;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.core.store.StoreException;
import io.devopskpi.core.summary.HeadlineFigures;
import io.devopskpi.core.summary.KpiSummary;
import io.devopskpi.core.summary.RecentSummaries;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * devops-kpi inside a CI server (the Jenkins plugin): the store, opened on first use; the outbox in front of it,
 * drained by one background thread (at once after each submit, and every minute while the store is unreachable);
 * and the read side over the same store. Nothing a build or a page calls here waits for the store longer than its
 * {@link Patience}: builds wait only for the outbox's disk write, and a slow or hung store makes pages say "not
 * available" instead of holding them.
 */
public final class EmbeddedKpis implements KpiReads, EventIntake, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKpis.class);
    private static final Duration POLL = Duration.ofMillis(10);

    private final Supplier<KpiSettings> settings;
    private final Outbox outbox;
    private final IncidentResolutions resolutions;
    private final Clock clock;
    private final Patience patience;
    private final ScheduledExecutorService drain;
    private final BoundedCalls calls = new BoundedCalls("devops-kpi store");
    private final Object storeLock = new Object();
    private final Object flushLock = new Object();
    private final RecentSummaries summaries = new RecentSummaries();
    private StoreConfig config;
    private Store store;
    /** Set by {@link #close()}: the store is not opened again, not even by a flush that was waiting then. */
    private boolean closed;

    /** @param settings read on every KPI request, so an edited band table applies without reopening the store */
    public EmbeddedKpis(StoreConfig config, Supplier<KpiSettings> settings, Outbox outbox, Clock clock)
            throws IOException {
        this(config, settings, outbox, clock, Patience.DEFAULT);
    }

    public EmbeddedKpis(StoreConfig config, Supplier<KpiSettings> settings, Outbox outbox, Clock clock,
            Patience patience) throws IOException {
        this.config = config;
        this.settings = settings;
        this.outbox = outbox;
        this.resolutions = new IncidentResolutions(outbox.directory().resolve("resolutions"));
        this.clock = clock;
        this.patience = patience;
        this.drain = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "devops-kpi outbox");
            thread.setDaemon(true);
            return thread;
        });
        drain.scheduleWithFixedDelay(this::flushQuietly, 1, 60, TimeUnit.SECONDS);
    }

    /** Puts the event in the outbox durably and asks the background thread to store it; never waits for the store. */
    @Override
    public void submit(Event event) throws IOException {
        outbox.put(event);
        drainSoon();
    }

    /** Moves every event of the outbox into the store now, on the caller's thread. @return how many were stored */
    public int flush() throws IOException {
        synchronized (flushLock) {
            Ingestor ingestor = new Ingestor(store(), clock);
            int stored = outbox.replay(event -> ingestor.ingest(List.of(event)));
            if (resolutions.apply(events()::findIncident, outbox::put) > 0) { // they went into the outbox behind the rest
                stored += outbox.replay(event -> ingestor.ingest(List.of(event)));
            }
            return stored;
        }
    }

    /**
     * Submits the event and waits up to {@link Patience#store()} for the background thread to store it, so that
     * what the caller does next (a following pipeline step) sees it.
     *
     * @return true when stored, false when it waits in the outbox (the store is slow or not usable)
     */
    @Override
    public boolean submitNow(Event event) throws IOException {
        String name = outbox.put(event);
        drainSoon();
        Instant giveUp = Instant.now().plus(patience.store());
        while (outbox.isPending(name) && Instant.now().isBefore(giveUp)) {
            pause();
        }
        return !outbox.isPending(name) && !outbox.isRejected(name);
    }

    /**
     * Ends the stored incident's impact at {@code resolved}. When the store does not answer within
     * {@link Patience#store()}, the resolution is kept on disk and stored by the background thread later.
     *
     * @return true when stored now, false when queued
     * @throws IllegalArgumentException when the store answered that no incident of that id is stored
     */
    @Override
    public boolean resolveNow(String id, Instant resolved) throws IOException {
        Optional<Incident> stored;
        try {
            stored = calls.within(patience.store(), () -> {
                flush(); // the incident may have been recorded a moment ago and still wait in the outbox
                return events().findIncident(id);
            });
        } catch (StoreException e) {
            LOG.info("devops-kpi: the resolution of incident {} waits for the store: {}", id, e.getMessage());
            resolutions.put(id, resolved);
            drainSoon();
            return false;
        }
        Incident incident = stored.orElseThrow(() -> new IllegalArgumentException("no incident '" + id
                + "' is stored"));
        return submitNow(IncidentResolutions.resolution(incident, resolved));
    }

    private void drainSoon() {
        try {
            drain.execute(this::flushQuietly);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("devops-kpi: closed; the event waits in the outbox for the next start");
        }
    }

    private void flushQuietly() {
        synchronized (storeLock) {
            if (closed) {
                return;
            }
        }
        try {
            flush();
        } catch (IOException | RuntimeException e) {
            LOG.warn("devops-kpi: events stay in the outbox, the store is not usable: {}", e.getMessage());
        }
    }

    /**
     * Opens the store on first use; a failed open is retried on the next call.
     *
     * @throws StoreException after {@link #close()}
     */
    public Store store() {
        synchronized (storeLock) {
            if (closed) {
                throw new StoreException("the KPI store is closed");
            }
            if (store == null) {
                store = Store.open(config);
            }
            return store;
        }
    }

    /**
     * Uses this store from now on (the storage settings changed). Queued events go there; the outbox, its thread and
     * everything waiting in it stay.
     */
    public void reconfigure(StoreConfig newConfig) {
        synchronized (storeLock) {
            if (newConfig.equals(config)) {
                return;
            }
            if (store != null) {
                store.close();
                store = null;
            }
            config = newConfig;
        }
        summaries.clear();
        drainSoon();
    }

    public KpiService kpis() {
        return new KpiService(store(), settings.get(), clock);
    }

    /** The read API of api.md over this store, answered with the current settings; on the caller's thread. */
    public ReadApi readApi() {
        return new ReadApi(store(), kpis(), clock);
    }

    /**
     * The call's answer within {@link Patience#read()}, for a request thread.
     *
     * @throws StoreException when the store is not usable or does not answer in time
     */
    @Override
    public <T> T read(Callable<T> call) {
        return calls.within(patience.read(), call);
    }

    /**
     * The call's answer within {@link Patience#page()}, for what a page shows beside its summary.
     *
     * @throws StoreException when the store is not usable or does not answer in time
     */
    @Override
    public <T> T readForPage(Callable<T> call) {
        return calls.within(patience.page(), call);
    }

    /**
     * The headline KPIs of a scope as pages show them, reused for a minute. A page waits at most
     * {@link Patience#page()}: a summary the store has not given by then says "not available", and the one it
     * gives later is there for the next view.
     */
    @Override
    public KpiSummary summary(String label, Scope scope, String environment) {
        String key = scope + "\n" + environment;
        Instant now = clock.instant();
        Optional<KpiSummary> known = summaries.fresh(key, now);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            KpiSummary computed = calls.within(patience.page(), () -> KpiSummary.of(label, kpis().report(
                    KpiQuery.ending(scope, environment, now, KpiQuery.DEFAULT_WINDOW, ZoneOffset.UTC))));
            summaries.put(key, now, computed);
            return computed;
        } catch (RuntimeException e) {
            return KpiSummary.unavailable(label, e.getMessage());
        }
    }

    @Override
    public HeadlineFigures figures(KpiQuery query) {
        return HeadlineFigures.of(kpis().report(query));
    }

    /**
     * The gate judged within {@link Patience#gate()}. The gate is built from the store's policies on the same
     * background thread. When the store is not usable, every threshold lacks data and the verdict says why.
     *
     * @param gateOf the gate, given the store's named policies (may throw IllegalArgumentException for bad input)
     * @param fallback the gate to report when the store is not usable (e.g. without a policy's thresholds); may be
     *     null when there is none, and the StoreException propagates then
     */
    @Override
    public GateVerdict judge(Function<GatePolicyLookup, KpiGate> gateOf, KpiGate fallback) {
        try {
            return calls.within(patience.gate(), () -> new KpiGateEvaluator(kpis()).evaluate(gateOf.apply(
                    policies())));
        } catch (StoreException e) {
            if (fallback == null) {
                throw e;
            }
            return KpiGateEvaluator.unavailable(fallback, "the store is not usable: " + e.getMessage());
        }
    }

    @Override
    public ApiAnswer answer(String endpoint, Map<String, List<String>> query, Predicate<String> visibleApplication) {
        return readApi().answer(endpoint, query, visibleApplication);
    }

    @Override
    public List<Assignment> assignments(String application) {
        return events().assignments(application);
    }

    @Override
    public List<String> pipelines(String application) {
        return events().pipelines(application);
    }

    @Override
    public List<String> allPipelines() {
        return events().allPipelines();
    }

    @Override
    public List<ApplicationSummary> applications(KpiQuery query) {
        return new ApplicationList(store(), clock).all(query);
    }

    @Override
    public List<TeamSummary> teams(KpiQuery query) {
        return new TeamList(store(), clock).all(query);
    }

    /** No event of any kind is stored. */
    @Override
    public boolean holdsNoData() {
        return events().countEvents() == 0;
    }

    /** The last successful deployment's id, within {@link Patience#lookup()} (recording must not wait longer). */
    @Override
    public Optional<String> lastSuccessfulDeployment(String application, String environment) {
        return calls.within(patience.lookup(), () -> events().lastSuccessfulDeployment(application, environment));
    }

    /**
     * The environments deployed to, for a form's suggestions, within {@link Patience#page()}.
     *
     * @throws StoreException when the store is not usable or does not answer in time
     */
    @Override
    public List<String> knownEnvironments() {
        return readForPage(() -> List.copyOf(new EnvironmentList(store()).withDeployments()));
    }

    /**
     * The names {@code kpiGate(policy: …)} takes now (stored and derived from contract targets), for a form's
     * suggestions, within {@link Patience#page()}.
     *
     * @throws StoreException when the store is not usable or does not answer in time
     */
    @Override
    public List<String> policyNames() {
        return readForPage(() -> gatePolicies().all(clock.instant()).stream().map(GatePolicies.NamedGate::name)
                .toList());
    }

    /** Named gate policies: those stored in this store and those derived from its contract targets. */
    public GatePolicyLookup policies() {
        return gatePolicies().lookup();
    }

    private GatePolicies gatePolicies() {
        return new GatePolicies(store(), GateJson::parse);
    }

    public EventReader events() {
        return new EventReader(store());
    }

    public Outbox outbox() {
        return outbox;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the outbox's thread and closes the store (what is queued stays on disk for the next start). A flush the
     * thread was waiting to run then does not open the store again: its files stay free for the next owner.
     */
    @Override
    public void close() {
        drain.shutdownNow();
        calls.close();
        synchronized (storeLock) {
            closed = true;
            if (store != null) {
                store.close();
                store = null;
            }
        }
    }
}
