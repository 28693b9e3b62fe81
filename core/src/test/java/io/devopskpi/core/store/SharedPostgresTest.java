package io.devopskpi.core.store;

import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.ingest.IngestResult;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several Jenkins controllers (or servers) sharing one PostgreSQL database (docs/performance.md, "Many
 * controllers"): each opens its own {@link Store}, with its own connection pool, as a controller does. Starting at
 * once on an empty database must migrate it once; writing overlapping events at once must store each once. The
 * controllers are pools in one test JVM: what makes this safe lives in the database (Flyway's PostgreSQL advisory
 * lock, the store's write-lock row), which does not know whether two pools share a process.
 */
class SharedPostgresTest {
    private static final int CONTROLLERS = 4;

    @Test
    void controllersStartingAtOnceOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        StoreConfig database = TestStores.Kind.POSTGRESQL.freshDatabase();
        List<Store> stores = atOnce(CONTROLLERS, i -> Store.open(database));
        try {
            try (Connection c = stores.get(0).connection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version, COUNT(*), MIN(CASE WHEN success THEN 1 ELSE 0 END)"
                            + " FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version ORDER BY version")) {
                List<String> versions = new ArrayList<>();
                while (rs.next()) {
                    // each version applied once, successfully
                    assertThat(rs.getInt(2)).as("rows of version " + rs.getString(1)).isEqualTo(1);
                    assertThat(rs.getInt(3)).as("version " + rs.getString(1) + " succeeded").isEqualTo(1);
                    versions.add(rs.getString(1));
                }
                assertThat(versions).isNotEmpty();
            }
            for (Store store : stores) {
                assertThat(new EventReader(store).countEvents()).isZero();
            }
        } finally {
            stores.forEach(Store::close);
        }
    }

    @Test
    void controllersWritingOverlappingEventsAtOnceStoreEachOnce() throws Exception {
        StoreConfig database = TestStores.Kind.POSTGRESQL.freshDatabase();
        Store.open(database).close();
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < CONTROLLERS; i++) {
            stores.add(Store.open(database));
        }
        try {
            // controller c sends deployments c*50 .. c*50+99 in batches of 25: each id from 50 on is sent by two
            // controllers, so 4 × 100 = 400 sent, 50 × 4 + 50 = 250 distinct
            List<IngestResult> results = atOnce(CONTROLLERS, c -> {
                Ingestor ingestor = new Ingestor(stores.get(c), CLOCK);
                int accepted = 0;
                int duplicates = 0;
                for (int from = c * 50; from < c * 50 + 100; from += 25) {
                    List<Event> batch = new ArrayList<>();
                    for (int id = from; id < from + 25; id++) {
                        batch.add(deployment("shared#" + id)
                                .changes(List.of(new Change("commit-" + id, Instant.parse("2026-01-04T09:00:00Z"),
                                        null)))
                                .build());
                    }
                    IngestResult result = ingestor.ingest(batch);
                    accepted += result.accepted();
                    duplicates += result.duplicates();
                }
                return new IngestResult(accepted, duplicates, 0);
            });
            assertThat(results.stream().mapToInt(IngestResult::accepted).sum()).isEqualTo(250);
            assertThat(results.stream().mapToInt(IngestResult::duplicates).sum()).isEqualTo(150);
            for (Store store : stores) {
                assertThat(new EventReader(store).countEvents()).isEqualTo(250);
            }
        } finally {
            stores.forEach(Store::close);
        }
    }

    private interface Work<T> {
        T run(int controller) throws Exception;
    }

    /** Runs the work of each controller on its own thread, released together; fails on the first failure. */
    private static <T> List<T> atOnce(int controllers, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(controllers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < controllers; i++) {
                int controller = i;
                Callable<T> task = () -> {
                    start.await();
                    return work.run(controller);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
