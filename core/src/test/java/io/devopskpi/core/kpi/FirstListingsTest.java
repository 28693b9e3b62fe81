package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Voiding;
import io.devopskpi.core.store.Retention;
import io.devopskpi.core.store.Sql;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConnections;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lead time's fact ({@code change_first_listing}), kept by the writers, must always be the plain computation over
 * what is stored: per environment, application and change, the first live SUCCESS deployment (by finished, started,
 * id) that lists it, with the commit time given there (metrics.md, lead time). Random estates on H2 and PostgreSQL:
 * deployments of every result arrive in random order (late ones earlier than the stored first) with re-sends of
 * stored ones, some share their finished and started times (the id decides), some are voided and unvoided between
 * batches, and half the seeds purge a retention period in the middle. After every batch the table is compared with the computation over the
 * test's own record of what is stored; at the end, the window read lead time uses and the V8 migration's fill.
 */
class FirstListingsTest {
    private static final String[] APPLICATIONS = {"shop", "billing", "crm"};
    private static final Instant START = Scenario.t("2026-01-01T00:00");
    private static final Instant FROM = Scenario.t("2026-01-20T00:00");
    private static final Instant TO = Scenario.t("2026-02-05T00:00");
    private static final Instant NOW = Scenario.t("2026-02-20T00:00");

    static List<Arguments> estates() {
        return TestStores.kindsAndSeeds(6);
    }

    @ParameterizedTest
    @MethodSource("estates")
    void isAlwaysTheFirstLiveSuccessfulListing(TestStores.Kind kind, long seed) throws Exception {
        Random random = new Random(seed);
        List<Deployment> arriving = estate(random);
        Collections.shuffle(arriving, random);
        Map<String, Deployment> stored = new LinkedHashMap<>();
        Set<String> voided = new HashSet<>();
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, Clock.fixed(NOW, ZoneOffset.UTC));
            int batches = 6;
            int size = arriving.size() / batches;
            for (int batch = 0; batch < batches; batch++) {
                List<Deployment> deployments = arriving.subList(batch * size, (batch + 1) * size);
                List<Event> events = new ArrayList<>(deployments);
                // re-sends of stored deployments (a lost answer, a replayed outbox) store nothing and change nothing
                stored.values().stream().filter(d -> random.nextInt(10) == 0).forEach(events::add);
                ingestor.ingest(events);
                deployments.forEach(d -> stored.put(d.id(), d));
                List<Event> voids = new ArrayList<>();
                for (String id : stored.keySet()) {
                    if (voided.contains(id) && random.nextInt(3) == 0) {
                        voids.add(new Voiding(Voiding.Action.UNVOID, Voiding.TargetType.DEPLOYMENT, id, "back",
                                "test"));
                    } else if (!voided.contains(id) && random.nextInt(8) == 0) {
                        voids.add(new Voiding(Voiding.Action.VOID, Voiding.TargetType.DEPLOYMENT, id, "mistake",
                                "test"));
                    }
                }
                ingestor.ingest(voids);
                voids.forEach(v -> {
                    Voiding voiding = (Voiding) v;
                    if (voiding.action() == Voiding.Action.VOID) {
                        voided.add(voiding.targetId());
                    } else {
                        voided.remove(voiding.targetId());
                    }
                });
                if (batch == 3 && seed % 2 == 0) {
                    // a cut-off inside the window: the first listing of some changes goes, the next one counts
                    Retention.Purged purged = new Retention(Period.ofDays(28)).purge(store, NOW);
                    stored.values().removeIf(d -> d.finished().isBefore(purged.cutoff()));
                    assertThat(purged.cutoff()).isBetween(FROM, TO);
                }
                assertThat(table(store)).as("seed %s, after batch %s", seed, batch)
                        .isEqualTo(expected(stored, voided));
            }
            Map<String, String> expected = expected(stored, voided);
            assertThat(expected).as("seed %s: changes are listed", seed).hasSizeGreaterThan(20);
            for (String application : new String[] {null, "shop"}) {
                assertThat(windowRead(store, application)).as("seed %s, application %s", seed, application)
                        .containsExactlyInAnyOrderElementsOf(inWindow(stored, voided, application));
            }

            // V8 fills the table of a store written before it with the same rows
            try (Connection c = StoreConnections.of(store); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM change_first_listing");
                // a store written before V8 has no later migration either: V9's table and index go with it, and
                // V10 makes V7's index again when it runs
                s.executeUpdate("DROP INDEX change_first_listing_app_env_finished");
                s.executeUpdate("DROP TABLE event_owner");
                s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('8', '9', '10')");
            }
            try (Store migrated = Store.open(store.config())) {
                assertThat(table(migrated)).as("seed %s, filled by V8", seed).isEqualTo(expected);
            }
        }
    }

    /** 180 deployments of three applications in two environments, every result, 25 change ids shared widely. */
    private static List<Deployment> estate(Random random) {
        List<Deployment> deployments = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            Deployment twin = !deployments.isEmpty() && random.nextInt(8) == 0
                    ? deployments.get(random.nextInt(deployments.size())) : null;
            Instant finished = twin != null ? twin.finished()
                    : START.plus(random.nextInt(45 * 24), ChronoUnit.HOURS);
            Instant started = twin != null ? twin.started() : finished.minus(5L * random.nextInt(3), ChronoUnit.MINUTES);
            String application = twin != null ? twin.application() : APPLICATIONS[random.nextInt(APPLICATIONS.length)];
            String environment = twin != null ? twin.environment()
                    : random.nextInt(5) == 0 ? "qa" : Scenario.PRODUCTION;
            DeploymentResult result = random.nextInt(3) > 0 ? DeploymentResult.SUCCESS
                    : DeploymentResult.values()[random.nextInt(DeploymentResult.values().length)];
            List<Change> changes = new ArrayList<>();
            if (twin != null && !twin.changes().isEmpty()) {
                changes.add(new Change(twin.changes().get(0).id(), finished.minus(3, ChronoUnit.HOURS), null));
            }
            for (int c = random.nextInt(4); c > 0; c--) {
                String id = "c" + random.nextInt(25);
                if (changes.stream().noneMatch(x -> x.id().equals(id))) {
                    changes.add(new Change(id, finished.minus(1 + random.nextInt(200), ChronoUnit.HOURS), null));
                }
            }
            // ids whose order differs from their number's: "d10" sorts before "d9"
            deployments.add(Deployment.builder("d" + random.nextInt(1000) + "-" + i).application(application)
                    .environment(environment).started(started).finished(finished).result(result).changes(changes)
                    .build());
        }
        return deployments;
    }

    /** The plain computation: per environment, application and change, the first live SUCCESS listing. */
    private static Map<String, String> expected(Map<String, Deployment> stored, Set<String> voided) {
        Comparator<Deployment> order = Comparator.comparing(Deployment::finished).thenComparing(Deployment::started)
                .thenComparing(Deployment::id);
        Map<String, Deployment> first = new HashMap<>();
        Map<String, Instant> committed = new HashMap<>();
        for (Deployment d : stored.values()) {
            if (d.result() != DeploymentResult.SUCCESS || voided.contains(d.id())) {
                continue;
            }
            for (Change change : d.changes()) {
                String key = d.environment() + "/" + d.application() + "/" + change.id();
                Deployment current = first.get(key);
                if (current == null || order.compare(d, current) < 0) {
                    first.put(key, d);
                    committed.put(key, change.committed());
                }
            }
        }
        Map<String, String> rows = new TreeMap<>();
        first.forEach((key, d) -> rows.put(key, d.id() + "@" + d.finished() + "/" + committed.get(key)));
        return rows;
    }

    private static List<String> inWindow(Map<String, Deployment> stored, Set<String> voided, String application) {
        List<String> listings = new ArrayList<>();
        expected(stored, voided).forEach((key, value) -> {
            String[] k = key.split("/");
            Deployment d = stored.get(value.substring(0, value.indexOf('@')));
            boolean inWindow = !d.finished().isBefore(FROM) && d.finished().isBefore(TO);
            if (k[0].equals(Scenario.PRODUCTION) && (application == null || application.equals(k[1])) && inWindow) {
                // what lead time reads of a listing: its deployment and the commit time (the table holds the ids)
                listings.add(d.id() + "/" + value.substring(value.lastIndexOf('/') + 1));
            }
        });
        return listings;
    }

    private static Map<String, String> table(Store store) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = StoreConnections.of(store); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT environment, application, change_id, deployment_id, finished,"
                        + " committed FROM change_first_listing")) {
            while (rs.next()) {
                rows.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3), rs.getString(4) + "@"
                        + Sql.getInstant(rs, "finished") + "/" + Sql.getInstant(rs, "committed"));
            }
        }
        return rows;
    }

    private static List<String> windowRead(Store store, String application) throws Exception {
        try (Connection connection = StoreConnections.of(store)) {
            KpiRepository repository = KpiRepository.of(StoreConnections.readOn(store, connection), Scenario.PRODUCTION,
                    application == null ? null : java.util.Set.of(application), false);
            Map<String, DeploymentRecord> window = new HashMap<>();
            repository.deploymentsFinishedIn(FROM, TO).forEach(d -> window.put(d.id(), d));
            List<String> listings = new ArrayList<>();
            for (ChangeListing listing : repository.firstListingsIn(FROM, TO, window)) {
                listings.add(listing.deployment().id() + "/" + listing.committed());
            }
            return listings;
        }
    }
}
