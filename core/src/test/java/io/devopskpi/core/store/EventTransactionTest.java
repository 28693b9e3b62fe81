package io.devopskpi.core.store;

import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.NOW;
import static io.devopskpi.core.testing.SampleEvents.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.ingest.IngestResult;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventTransactionTest {
    private static final String KINDS = "io.devopskpi.core.testing.TestStores#kinds";
    /** Longer than H2's default lock timeout (2 s), which the store raises. */
    private static final long HOLD_MILLIS = 3_000;

    @ParameterizedTest
    @MethodSource(KINDS)
    void aWriterWaitsForTheLockHolderThenSeesWhatItCommitted(TestStores.Kind kind) throws Exception {
        try (Store store = kind.open()) {
            Deployment sent = deployment("shop#42").build();
            CompletableFuture<IngestResult> waiting;
            try (EventTransaction holder = EventTransaction.begin(store, NOW)) {
                holder.insert(List.of(sent));
                waiting = CompletableFuture.supplyAsync(() -> new Ingestor(store, CLOCK).ingest(List.of(sent)));
                awaitBlockedWriter(store, kind);
                Thread.sleep(HOLD_MILLIS);
                assertThat(waiting).isNotDone();
                holder.commit();
            }

            assertThat(waiting.get(60, TimeUnit.SECONDS)).isEqualTo(new IngestResult(0, 1, 0));
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void rollsBackWhatWasNotCommitted(TestStores.Kind kind) throws Exception {
        try (Store store = kind.open()) {
            try (EventTransaction tx = EventTransaction.begin(store, NOW)) {
                tx.insert(List.of(deployment("shop#42").build()));
                assertThat(tx.findDeployment("shop#42")).isPresent();
            }

            assertThat(new EventReader(store).countEvents()).isZero();
        }
    }

    /**
     * On embedded H2 a writer's turn lasts until its transaction is closed, not only until its commit: H2 writes the
     * commit to its file after releasing the row locks, and a writer starting in between could have half a batch in
     * that file when the process is killed ({@link TransactionKillTest}).
     */
    @Test
    void onH2TheNextWriterBeginsOnlyOnceTheCommittedTransactionIsClosed() throws Exception {
        try (Store store = TestStores.Kind.H2.open()) {
            CompletableFuture<IngestResult> next;
            try (EventTransaction first = EventTransaction.begin(store, NOW)) {
                first.insert(List.of(deployment("shop#41").build()));
                next = CompletableFuture.supplyAsync(
                        () -> new Ingestor(store, CLOCK).ingest(List.of(deployment("shop#42").build())));
                awaitBlockedWriter(store, TestStores.Kind.H2);
                first.commit();
                Thread.sleep(1_000);
                assertThat(next).as("the next writer, while the committed transaction is still open").isNotDone();
            }

            assertThat(next.get(60, TimeUnit.SECONDS)).isEqualTo(new IngestResult(1, 0, 0));
        }
    }

    /** Waits until another writer of this database waits for its turn (no timing assumption). */
    private static void awaitBlockedWriter(Store store, TestStores.Kind kind) throws Exception {
        if (kind == TestStores.Kind.H2) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!EmbeddedWriteLock.of(store.config()).hasQueuedThreads()) {
                assertThat(System.nanoTime()).as("a writer waiting for its turn").isLessThan(deadline);
                Thread.sleep(10);
            }
            return;
        }
        String blocked = "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database()";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = store.connection(); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery(blocked)) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("a writer blocked on the write lock").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }
}
