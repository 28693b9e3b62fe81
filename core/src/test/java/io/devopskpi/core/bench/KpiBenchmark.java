package io.devopskpi.core.bench;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.kpi.Bucket;
import io.devopskpi.core.kpi.KpiQuery;
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
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.core.store.StoreConnections;
import io.devopskpi.core.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Ingestion throughput and KPI latency at a realistic size, on an embedded H2 file and on PostgreSQL.
 * Not a test: run it as docs/performance.md says. Prints progress while it loads, then one table.
 *
 * <p>Arguments: {@code applications days [h2|postgres ...]}; defaults 200 applications, 365 days, both stores.
 */
public final class KpiBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private static final int BATCH = 1000;
    private static final int REPEATS = 5;

    private KpiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int applications = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        List<String> stores = args.length > 2 ? Arrays.asList(args).subList(2, args.length)
                : List.of("h2", "postgres");
        List<Event> events = events(applications, days);
        long deployments = events.stream().filter(e -> e instanceof Deployment).count();
        System.out.printf("data: %d applications, %d days, %d events (%d deployments)%n", applications, days,
                events.size(), deployments);
        for (String kind : stores) {
            Supplier<Store> open = kind.equals("h2") ? KpiBenchmark::h2File : TestStores::postgres;
            try (Store store = open.get()) {
                run(kind, store, events);
            }
        }
        System.exit(0);
    }

    private static Store h2File() {
        try {
            return Store.open(StoreConfig.embedded(Files.createTempDirectory("kpi-bench")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void run(String kind, Store store, List<Event> events) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Ingestor ingestor = new Ingestor(store, clock);
        long start = System.nanoTime();
        for (int i = 0; i < events.size(); i += BATCH) {
            ingestor.ingest(events.subList(i, Math.min(events.size(), i + BATCH)));
            if ((i / BATCH) % 20 == 0) {
                System.out.printf("  %s: ingested %d of %d events%n", kind, Math.min(events.size(), i + BATCH),
                        events.size());
            }
        }
        double ingestSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s ingest: %.1f s, %.0f events/s (batches of %d)%n", kind, ingestSeconds,
                events.size() / ingestSeconds, BATCH);
        if (store.config().isPostgres()) {
            // A bulk load outruns autovacuum: without statistics the planner picks nested scans for a while.
            // Measure the steady state that autovacuum reaches in production.
            try (java.sql.Connection c = StoreConnections.of(store); java.sql.Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        KpiService kpis = new KpiService(store, KpiSettings.defaults(), clock);
        measure(kind, "one application, 30 days", () -> kpis.report(query(Scope.application("app-7"), 30)));
        measure(kind, "one application, 365 days", () -> kpis.report(query(Scope.application("app-7"), 365)));
        measure(kind, "one team, 30 days", () -> kpis.report(query(Scope.team("team-3"), 30)));
        measure(kind, "one supplier, 90 days", () -> kpis.report(query(Scope.supplier("supplier-1"), 90)));
        measure(kind, "everything, 30 days", () -> kpis.report(query(Scope.all(), 30)));
        measure(kind, "one application, 26 weekly buckets", () -> kpis.trend(query(Scope.application("app-7"), 182),
                Bucket.WEEK));
        // /suppliers: every supplier's figures over a quarter, one read per supplier versus one read for all
        io.devopskpi.core.query.SupplierKpis suppliers = new io.devopskpi.core.query.SupplierKpis(store, kpis);
        KpiQuery quarter = query(Scope.all(), 91);
        List<String> names = List.copyOf(suppliers.candidates(quarter));
        measure(kind, "suppliers, 91 days, one read each", () -> names.forEach(name ->
                kpis.figures(quarter.withScope(Scope.supplier(name)))));
        measure(kind, "suppliers, 91 days, one read for all", () -> kpis.figuresOfSuppliers(quarter, names, null));
        measure(kind, "comparison, 91 days", () -> new io.devopskpi.core.governance.ComparisonService(store, kpis)
                .compare(quarter, null, null));
        io.devopskpi.core.governance.ScorecardService scorecards = new io.devopskpi.core.governance.ScorecardService(
                store, kpis, clock);
        io.devopskpi.core.governance.ReviewWindow lastQuarter = io.devopskpi.core.governance.ReviewWindow
                .lastCompleteQuarter(NOW, java.time.ZoneOffset.UTC);
        measure(kind, "scorecard, one supplier, a quarter", () -> scorecards.scorecard("supplier-1", lastQuarter,
                "production", java.time.ZoneOffset.UTC));
    }

    private static KpiQuery query(Scope scope, int days) {
        return KpiQuery.ending(scope, "production", NOW, Duration.ofDays(days), ZoneOffset.UTC);
    }

    private static void measure(String kind, String what, Runnable query) {
        query.run();
        long[] nanos = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            query.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%s %-36s median %7.1f ms  (min %.1f, max %.1f, %d runs)%n", kind, what,
                nanos[REPEATS / 2] / 1e6, nanos[0] / 1e6, nanos[REPEATS - 1] / 1e6, REPEATS);
    }

    /**
     * Each application deploys about once a working day with 3 changes, 8 % FAILURE, a rollback after a third of
     * the failures, and an incident (half with a named cause) after 5 % of the successes; 20 teams, 5 suppliers.
     */
    static List<Event> events(int applications, int days) {
        Random random = new Random(42);
        List<Event> events = new ArrayList<>();
        Instant start = NOW.minus(Duration.ofDays(days));
        for (int a = 0; a < applications; a++) {
            events.add(new Assignment("app-" + a, "supplier-" + a % 5, "team-" + a % 20, Responsibility.BOTH,
                    start.minus(Duration.ofDays(1)), null));
        }
        for (int a = 0; a < applications; a++) {
            String app = "app-" + a;
            int n = 0;
            boolean lastFailed = false;
            for (int d = 0; d < days; d++) {
                if (d % 7 >= 5 || random.nextDouble() < 0.2) {
                    continue;
                }
                Instant finished = start.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(540 + random.nextInt(480)));
                DeploymentResult result = random.nextDouble() < 0.08 ? DeploymentResult.FAILURE
                        : DeploymentResult.SUCCESS;
                List<Change> changes = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    changes.add(new Change(app + "-c" + n + "-" + c,
                            finished.minus(Duration.ofMinutes(60 + random.nextInt(5000))), "dev" + c));
                }
                String id = app + "#" + ++n;
                events.add(Deployment.builder(id).application(app).environment("production")
                        .started(finished.minus(Duration.ofMinutes(8))).finished(finished).result(result)
                        .kind(lastFailed && random.nextDouble() < 0.33 ? DeploymentKind.ROLLBACK
                                : DeploymentKind.NORMAL)
                        .changes(changes).build());
                lastFailed = result == DeploymentResult.FAILURE;
                if (result == DeploymentResult.SUCCESS && random.nextDouble() < 0.05) {
                    Instant began = finished.plus(Duration.ofMinutes(30 + random.nextInt(600)));
                    events.add(new Incident("INC-" + id, app, "production", began, began.plusSeconds(600),
                            began.plus(Duration.ofMinutes(30 + random.nextInt(300))), "major",
                            random.nextBoolean() ? id : null, null, null));
                }
            }
        }
        return events;
    }
}
