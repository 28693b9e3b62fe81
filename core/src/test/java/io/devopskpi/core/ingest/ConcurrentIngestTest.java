package io.devopskpi.core.ingest;

import static io.devopskpi.core.model.Responsibility.DELIVERY;
import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.assignment;
import static io.devopskpi.core.testing.SampleEvents.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.model.Event;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConnections;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writers racing on the same keys: the write lock must make check-then-write atomic, so a race never surfaces as
 * a duplicate-key error or as two overlapping assignments.
 */
class ConcurrentIngestTest {
    private static final String KINDS = "io.devopskpi.core.testing.TestStores#kinds";
    private static final int THREADS = 8;

    @ParameterizedTest
    @MethodSource(KINDS)
    void acceptsADeploymentSentByManyWritersAtOnceExactlyOnce(TestStores.Kind kind) throws Exception {
        try (Store store = kind.open()) {
            List<Object> outcomes = race(store, i -> List.of(deployment("shop#42").build(),
                    deployment("shop#" + (100 + i)).build()));

            assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(IngestResult.class));
            assertThat(outcomes).filteredOn(new IngestResult(2, 0, 0)::equals).hasSize(1);
            assertThat(outcomes).filteredOn(new IngestResult(1, 1, 0)::equals).hasSize(THREADS - 1);
            assertThat(new EventReader(store).countEvents()).isEqualTo(THREADS + 1);
            assertThat(writes(store)).isEqualTo(THREADS);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void storesExactlyOneOfManyOverlappingAssignmentsSentAtOnce(TestStores.Kind kind) throws Exception {
        try (Store store = kind.open()) {
            List<Object> outcomes = race(store, i -> List.of(
                    assignment("shop", "supplier" + i, DELIVERY, "2026-01-0" + (i + 1) + "T00:00:00Z", null)));

            assertThat(outcomes).filteredOn(new IngestResult(1, 0, 0)::equals).hasSize(1);
            assertThat(outcomes).filteredOn(EventConflictException.class::isInstance).hasSize(THREADS - 1);
            assertThat(new EventReader(store).assignments("shop")).hasSize(1);
        }
    }

    /** Runs one batch per thread, each with its own Ingestor, released together; each result or exception. */
    private static List<Object> race(Store store, IntFunction<List<Event>> batches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IngestResult>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                List<Event> batch = batches.apply(i);
                Ingestor ingestor = new Ingestor(store, CLOCK);
                futures.add(pool.submit(() -> {
                    start.await();
                    return ingestor.ingest(batch);
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<IngestResult> future : futures) {
                try {
                    outcomes.add(future.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long writes(Store store) throws Exception {
        try (Connection c = StoreConnections.of(store); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT writes FROM write_lock WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
