package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConnections;
import io.devopskpi.core.store.StoreRead;
import java.sql.Connection;
import java.sql.Statement;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A read of a team, supplier or application looks only at the applications that can hold its events
 * ({@link Narrowing}); it must give exactly what the read of the whole environment gives. Random estates on H2 and
 * PostgreSQL: suppliers and teams that change per application, operations-only and unassigned applications, events
 * naming their own supplier or team (also one nobody is assigned), failed and rolled-back deployments, incidents
 * naming causes in other applications, open incidents, and (every other seed) platform components. Every read the
 * pages make is compared with the same service reading environment-wide: reports, figures, several slices at once
 * (as a scorecard and the comparison read), trends, failed changes and platform re-use, with and without a
 * restriction to some applications, for windows that end before, at and after the query time.
 */
class NarrowingTest {
    private static final String[] APPLICATIONS = {"shop", "billing", "crm", "intranet", "portal", "search", "mail",
        "wiki"};
    private static final String[] SUPPLIERS = {"acme", "globex", "initech", "opsco"};
    private static final String[] TEAMS = {"dev", "run", "web"};
    private static final Instant START = Scenario.t("2026-01-01T00:00");

    static List<Arguments> estates() {
        return TestStores.kindsAndSeeds(4);
    }

    @ParameterizedTest
    @MethodSource("estates")
    void everyReadGivesWhatTheEnvironmentWideReadGives(TestStores.Kind kind, long seed) {
        Random random = new Random(seed);
        try (Scenario s = Scenario.on(kind).now("2026-03-20T00:00")) {
            estate(s, random, seed % 2 == 0);
            KpiService narrowed = s.service();
            KpiService wide = new KpiService(s.store(), KpiSettings.defaults(), Clock.fixed(s.now(), ZoneOffset.UTC),
                    -1);
            List<Scope> scopes = new ArrayList<>();
            Arrays.stream(SUPPLIERS).map(Scope::supplier).forEach(scopes::add);
            Arrays.stream(TEAMS).map(Scope::team).forEach(scopes::add);
            Arrays.stream(APPLICATIONS).map(Scope::application).forEach(scopes::add);
            scopes.addAll(List.of(Scope.supplier("unassigned"), Scope.team("unassigned"), Scope.supplier("freelance"),
                    Scope.supplier("nobody"), Scope.application("typo"), Scope.all()));
            List<Set<String>> restrictions = Arrays.asList(null, Set.of("shop", "crm", "wiki"), Set.of());
            for (Instant[] window : List.of(new Instant[] {START.plus(10, ChronoUnit.DAYS),
                    START.plus(40, ChronoUnit.DAYS)}, new Instant[] {START, s.now()}, new Instant[] {
                    START.plus(60, ChronoUnit.DAYS), START.plus(90, ChronoUnit.DAYS)})) {
                KpiQuery base = new KpiQuery(Scope.all(), Scenario.PRODUCTION, window[0], window[1], ZoneOffset.UTC);
                for (Scope scope : scopes) {
                    KpiQuery query = base.withScope(scope);
                    String as = "seed " + seed + ", " + kind + ", " + scope + ", " + window[0] + "–" + window[1];
                    for (Set<String> applications : restrictions) {
                        assertThat(narrowed.report(query, applications)).as(as + ", " + applications)
                                .isEqualTo(wide.report(query, applications));
                        assertThat(narrowed.figures(query, applications)).as(as + ", " + applications)
                                .isEqualTo(wide.figures(query, applications));
                    }
                    assertThat(narrowed.trend(query, Bucket.WEEK)).as(as).isEqualTo(wide.trend(query, Bucket.WEEK));
                    assertThat(narrowed.failedChanges(query)).as(as).isEqualTo(wide.failedChanges(query));
                    assertThat(narrowed.components(query)).as(as).isEqualTo(wide.components(query));
                    // a read's figures take platform re-use from the scope's own SUCCESS deployments; the
                    // components read filters the environment's: the same report
                    assertThat(narrowed.figures(query).components()).as(as).isEqualTo(wide.components(query));
                }
                // several slices at once: a supplier with each of its applications (a scorecard), two suppliers
                // (a comparison), and a mix that needs the whole environment
                List<List<KpiService.Slice>> groups = List.of(
                        List.of(new KpiService.Slice(Scope.supplier("acme"), null),
                                new KpiService.Slice(Scope.supplier("acme"), Set.of("shop")),
                                new KpiService.Slice(Scope.supplier("acme"), Set.of("billing", "portal"))),
                        List.of(new KpiService.Slice(Scope.supplier("globex"), null),
                                new KpiService.Slice(Scope.supplier("initech"), Set.of("crm", "mail"))),
                        List.of(new KpiService.Slice(Scope.team("dev"), null),
                                new KpiService.Slice(Scope.supplier("unassigned"), null)));
                for (List<KpiService.Slice> slices : groups) {
                    assertThat(narrowed.figuresOf(base, slices)).as("seed %s, %s, %s", seed, kind, slices)
                            .isEqualTo(wide.figuresOf(base, slices));
                }
            }
        }
    }

    /** The test would prove nothing if no read were narrowed: the applications a supplier and a team need. */
    @Test
    void aSupplierNeedsTheApplicationsNamingIt() throws Exception {
        try (Scenario s = Scenario.h2().now("2026-02-25T00:00")) {
            s.assign("shop", "acme", "dev", Responsibility.DELIVERY, "2025-01-01T00:00", "2025-06-01T00:00");
            s.assign("crm", "globex", null, Responsibility.OPERATIONS, "2025-01-01T00:00", null);
            s.deploy("d1", "billing", "2026-01-05T10:00", DeploymentResult.SUCCESS, b -> b.supplier("acme"));
            s.incident("i1", "wiki", "2026-01-06T10:00", null, null, null, "dev", null);
            s.success("d2", "mail", "2026-01-07T10:00");
            s.incident("i2", "portal", "2026-01-08T10:00", null, null, null);
            s.service();
            // a re-sent incident that now names its supplier
            s.incident("i2", "portal", "2026-01-08T10:00", null, "2026-01-08T12:00", null, null, "acme");
            s.service();
            List<KpiService.Slice> acme = List.of(new KpiService.Slice(Scope.supplier("acme"), null));
            List<KpiService.Slice> dev = List.of(new KpiService.Slice(Scope.team("dev"), null));
            StoreRead.snapshot(s.store(), "test", read -> {
                // an assignment long over and an event of its own both count; mail and crm are not acme's
                assertThat(Narrowing.of(read, Scenario.PRODUCTION, acme, 10)).containsExactly("billing", "portal",
                        "shop");
                assertThat(Narrowing.of(read, Scenario.PRODUCTION, dev, 10)).containsExactly("shop", "wiki");
                assertThat(Narrowing.of(read, "staging", dev, 10)).containsExactly("shop");
                // more than the limit, everything, unassigned: the whole environment
                assertThat(Narrowing.of(read, Scenario.PRODUCTION, acme, 2)).isNull();
                assertThat(Narrowing.of(read, Scenario.PRODUCTION,
                        List.of(new KpiService.Slice(Scope.all(), null)), 10)).isNull();
                assertThat(Narrowing.of(read, Scenario.PRODUCTION,
                        List.of(new KpiService.Slice(Scope.supplier("unassigned"), null)), 10)).isNull();
                // a restriction to some applications narrows everything and unassigned too
                assertThat(Narrowing.of(read, Scenario.PRODUCTION,
                        List.of(new KpiService.Slice(Scope.all(), Set.of("crm"))), 10)).containsExactly("crm");
                assertThat(Narrowing.of(read, Scenario.PRODUCTION,
                        List.of(new KpiService.Slice(Scope.supplier("acme"), Set.of("crm", "shop"))), 10))
                        .containsExactly("shop");
                return null;
            });
            // V9 fills the table from a store written before it (and before V10, which runs again after it)
            try (Connection c = StoreConnections.of(s.store()); Statement statement = c.createStatement()) {
                statement.executeUpdate("DROP INDEX change_first_listing_app_env_finished");
                statement.executeUpdate("DROP TABLE event_owner");
                statement.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('9', '10')");
            }
            try (Store migrated = Store.open(s.store().config())) {
                StoreRead.snapshot(migrated, "test", read -> {
                    assertThat(Narrowing.of(read, Scenario.PRODUCTION, acme, 10)).containsExactly("billing",
                            "portal", "shop");
                    assertThat(Narrowing.of(read, Scenario.PRODUCTION, dev, 10)).containsExactly("shop", "wiki");
                    return null;
                });
            }
        }
    }

    private static void estate(Scenario s, Random random, boolean components) {
        for (String application : APPLICATIONS) {
            if (random.nextInt(8) == 0) {
                continue; // nobody is assigned: unassigned
            }
            String switchDay = "2026-01-" + (10 + random.nextInt(15)) + "T00:00";
            s.assign(application, pick(random, SUPPLIERS), random.nextBoolean() ? pick(random, TEAMS) : null,
                    random.nextBoolean() ? Responsibility.DELIVERY : Responsibility.BOTH, "2025-01-01T00:00",
                    switchDay);
            s.assign(application, pick(random, SUPPLIERS), pick(random, TEAMS), Responsibility.DELIVERY, switchDay,
                    null);
            if (random.nextInt(3) > 0) {
                s.assign(application, pick(random, SUPPLIERS), pick(random, TEAMS), Responsibility.OPERATIONS,
                        switchDay, null); // the first assignment may cover both until then
            }
        }
        List<String> deployments = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            String id = "d" + i;
            String application = pick(random, APPLICATIONS);
            Instant finished = START.plus(random.nextInt(75 * 24 * 60), ChronoUnit.MINUTES);
            DeploymentResult result = random.nextInt(6) == 0 ? DeploymentResult.FAILURE
                    : random.nextInt(12) == 0 ? DeploymentResult.ABORTED : DeploymentResult.SUCCESS;
            DeploymentKind kind = random.nextInt(8) == 0 ? DeploymentKind.ROLLBACK
                    : random.nextInt(8) == 0 ? DeploymentKind.HOTFIX : DeploymentKind.NORMAL;
            String supplier = random.nextInt(10) == 0 ? pick(random, new String[] {"acme", "freelance"}) : null;
            String team = random.nextInt(12) == 0 ? pick(random, TEAMS) : null;
            List<Component> used = components && random.nextBoolean()
                    ? List.of(new Component("base-image", "1." + random.nextInt(4) + ".0"))
                    : List.of();
            s.deploy(id, application, finished.toString(), result, b -> b.kind(kind).supplier(supplier).team(team)
                    .components(used).changes(List.of(Scenario.change("c" + random.nextInt(60),
                            finished.minus(1 + random.nextInt(120), ChronoUnit.HOURS).toString()))));
            deployments.add(id);
        }
        for (int i = 0; i < 25; i++) {
            Instant started = START.plus(random.nextInt(75 * 24 * 60), ChronoUnit.MINUTES);
            String detected = random.nextBoolean() ? started.plus(random.nextInt(90), ChronoUnit.MINUTES).toString()
                    : null;
            String resolved = random.nextInt(4) == 0 ? null
                    : started.plus(1 + random.nextInt(900), ChronoUnit.MINUTES).toString();
            String cause = random.nextBoolean() ? deployments.get(random.nextInt(deployments.size())) : null;
            String supplier = random.nextInt(6) == 0 ? pick(random, SUPPLIERS) : null;
            String team = random.nextInt(8) == 0 ? pick(random, TEAMS) : null;
            s.incident("i" + i, pick(random, APPLICATIONS), started.toString(), detected, resolved, cause, team,
                    supplier);
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
