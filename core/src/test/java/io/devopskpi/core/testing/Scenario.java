package io.devopskpi.core.testing;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A terse way to write KPI scenarios: collect events, ingest them into a real store through the {@link Ingestor}
 * and ask the {@link KpiService} with a fixed clock (the query time). Times are written as
 * {@code "2026-01-05T10:00"} (UTC) or as full instants.
 *
 * <pre>
 * Scenario s = Scenario.h2().now("2026-02-01T00:00");
 * s.success("d1", "shop", "2026-01-05T10:00", change("c1", "2026-01-05T08:00"));
 * KpiReport r = s.application("shop", "2026-01-01T00:00", "2026-02-01T00:00");
 * </pre>
 *
 * Deployments default to environment {@code production}, kind NORMAL and {@code started} ten minutes before
 * {@code finished}. Events are ingested in the order written, in one batch per report.
 */
public final class Scenario implements AutoCloseable {
    public static final String PRODUCTION = "production";
    /** How long a deployment runs unless the test says otherwise. */
    public static final Duration RUN = Duration.ofMinutes(10);

    private final Supplier<Store> stores;
    private Store store;
    private final List<Event> pending = new ArrayList<>();
    private Instant now = Instant.parse("2030-01-01T00:00:00Z");
    private KpiSettings settings = KpiSettings.defaults();

    private Scenario(Supplier<Store> stores) {
        this.stores = stores;
    }

    public static Scenario h2() {
        return new Scenario(TestStores::h2);
    }

    public static Scenario on(TestStores.Kind kind) {
        return new Scenario(kind::open);
    }

    /** An instant: {@code 2026-01-05T10:00} or {@code 2026-01-05T10:00:30} in UTC, or a full ISO instant. */
    public static Instant t(String time) {
        if (time == null) {
            return null;
        }
        if (time.endsWith("Z")) {
            return Instant.parse(time);
        }
        return LocalDateTime.parse(time).toInstant(ZoneOffset.UTC);
    }

    public static Change change(String id, String committed) {
        return new Change(id, t(committed), null);
    }

    /** The query time: the fixed clock of ingestion (24 h ahead rule) and of the report. */
    public Scenario now(String time) {
        now = t(time);
        return this;
    }

    public Instant now() {
        return now;
    }

    public Scenario settings(KpiSettings value) {
        settings = value;
        return this;
    }

    public Scenario event(Event event) {
        pending.add(event);
        return this;
    }

    /** A deployment finished at {@code finished}; {@code custom} may change any field (started, kind, ...). */
    public Scenario deploy(String id, String application, String finished, DeploymentResult result,
            Consumer<Deployment.Builder> custom) {
        Instant end = t(finished);
        Deployment.Builder b = Deployment.builder(id).application(application).environment(PRODUCTION)
                .started(end.minus(RUN)).finished(end).result(result);
        custom.accept(b);
        return event(b.build());
    }

    public Scenario success(String id, String application, String finished, Change... changes) {
        return deploy(id, application, finished, DeploymentResult.SUCCESS, b -> b.changes(List.of(changes)));
    }

    public Scenario failure(String id, String application, String finished, Change... changes) {
        return deploy(id, application, finished, DeploymentResult.FAILURE, b -> b.changes(List.of(changes)));
    }

    public Scenario aborted(String id, String application, String finished) {
        return deploy(id, application, finished, DeploymentResult.ABORTED, b -> { });
    }

    public Scenario unstable(String id, String application, String finished) {
        return deploy(id, application, finished, DeploymentResult.UNSTABLE, b -> { });
    }

    public Scenario rollback(String id, String application, String finished, DeploymentResult result) {
        return deploy(id, application, finished, result, b -> b.kind(DeploymentKind.ROLLBACK));
    }

    public Scenario hotfix(String id, String application, String finished, DeploymentResult result) {
        return deploy(id, application, finished, result, b -> b.kind(DeploymentKind.HOTFIX));
    }

    /** An incident in production; detected, resolved and cause may be null. */
    public Scenario incident(String id, String application, String started, String detected, String resolved,
            String cause) {
        return event(new Incident(id, application, PRODUCTION, t(started), t(detected), t(resolved), "major", cause,
                null, null));
    }

    /** An incident with explicit OPERATIONS overrides (null: from the assignment). */
    public Scenario incident(String id, String application, String started, String detected, String resolved,
            String cause, String team, String supplier) {
        return event(new Incident(id, application, PRODUCTION, t(started), t(detected), t(resolved), "major", cause,
                team, supplier));
    }

    public Scenario assign(String application, String supplier, String team, Responsibility responsibility,
            String from, String to) {
        return event(new Assignment(application, supplier, team, responsibility, t(from), t(to)));
    }

    public Store store() {
        if (store == null) {
            store = stores.get();
        }
        return store;
    }

    /** Ingests what was written since the last report, then reports for the query. */
    public KpiReport report(Scope scope, String from, String to, ZoneId zone) {
        return service().report(new KpiQuery(scope, PRODUCTION, t(from), t(to), zone));
    }

    /** Ingests what was written since the last call; the KPI service at the scenario's query time. */
    public KpiService service() {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        if (!pending.isEmpty()) {
            new Ingestor(store(), clock).ingest(List.copyOf(pending));
            pending.clear();
        }
        return new KpiService(store(), settings, clock);
    }

    public KpiReport report(Scope scope, String from, String to) {
        return report(scope, from, to, ZoneOffset.UTC);
    }

    public KpiReport application(String application, String from, String to) {
        return report(Scope.application(application), from, to);
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
