package io.devopskpi.core.store;

import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.model.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store writes every commit to its file, so H2 runs no housekeeping of its own; {@link
 * EmbeddedCompaction} must keep the file mostly live without losing or tearing a committed transaction. The stores
 * here set H2's {@code RETENTION_TIME} to 0, so that chunks freed by a re-write can be dropped at the next commit
 * instead of after H2's 45 s.
 */
class EmbeddedCompactionTest {
    private static final int COMMITS = 3_000;

    @TempDir
    Path data;

    /**
     * Two rounds of 3,000 one-deployment transactions. Without compaction (measured with this test's store and the
     * compaction switched off) the file held 4 % live bytes after the first round, 58 MB, and grew by about 18 kB
     * per commit. With it, the second round re-uses the space the compaction freed after the first.
     */
    @Test
    void theStoreKeepsTheFileOfManySmallCommitsMostlyLive() throws Exception {
        StoreConfig config = withoutRetention(data);
        Path file = data.resolve(StoreConfig.EMBEDDED_FILE + ".mv.db");
        try (Store store = Store.open(config)) {
            EmbeddedCompaction gauge = EmbeddedCompaction.onDemand(config, store.dataSource());
            Ingestor ingestor = new Ingestor(store, CLOCK);
            int commits = commitRound(ingestor, "first", gauge);
            long afterFirst = Files.size(file);
            commits += commitRound(ingestor, "second", gauge);
            long afterSecond = Files.size(file);

            assertThat(gauge.chunksFillRate()).isGreaterThanOrEqualTo(EmbeddedCompaction.TARGET_FILL_RATE);
            assertThat(afterSecond - afterFirst).as("growth in the second round").isLessThan(afterFirst / 2);
            assertThat(new EventReader(store).countEvents()).isEqualTo(commits);
        }
    }

    /**
     * 3,000 one-deployment commits, then one more every 200 ms until the chunks are mostly live (at most 30 s): the
     * store's own compaction runs once a second, and a commit drops the chunks it freed.
     */
    private static int commitRound(Ingestor ingestor, String round, EmbeddedCompaction gauge) throws Exception {
        int commits = 0;
        for (; commits < COMMITS; commits++) {
            ingestor.ingest(List.of(deployment(round + "#" + commits).build()));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (gauge.chunksFillRate() < EmbeddedCompaction.TARGET_FILL_RATE && System.nanoTime() < deadline) {
            Thread.sleep(200);
            ingestor.ingest(List.of(deployment(round + "#" + commits++).build()));
        }
        return commits;
    }

    @Test
    void compactingWhileWritersCommitKeepsEveryCommittedTransactionWhole() throws Exception {
        StoreConfig config = withoutRetention(data);
        List<Deployment> written = new ArrayList<>();
        try (Store store = Store.open(config)) {
            EmbeddedCompaction compaction = EmbeddedCompaction.onDemand(config, store.dataSource());
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                AtomicBoolean writing = new AtomicBoolean(true);
                AtomicInteger rewrites = new AtomicInteger();
                Future<?> compacting = threads.submit(() -> {
                    while (writing.get()) {
                        if (compaction.compact(50)) {
                            rewrites.incrementAndGet();
                        }
                    }
                    return null;
                });
                List<Future<List<Deployment>>> writers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    String writer = "w" + w;
                    writers.add(threads.submit(() -> {
                        Ingestor ingestor = new Ingestor(store, CLOCK);
                        List<Deployment> mine = new ArrayList<>();
                        for (int i = 0; i < COMMITS / 2; i++) {
                            Deployment d = deployment(writer + "#" + i).build();
                            ingestor.ingest(List.of(d));
                            mine.add(d);
                        }
                        return mine;
                    }));
                }
                for (Future<List<Deployment>> writer : writers) {
                    written.addAll(writer.get());
                }
                writing.set(false);
                compacting.get();
                assertThat(rewrites).as("chunks re-written while the writers committed").hasPositiveValue();
            } finally {
                threads.shutdownNow();
            }
        }
        try (Store reopened = Store.open(config)) {
            EventReader reader = new EventReader(reopened);
            assertThat(reader.countEvents()).isEqualTo(written.size());
            for (Deployment d : written) {
                assertThat(reader.findDeployment(d.id())).contains(d);
            }
        }
    }

    @Test
    void runsOnlyWhereH2DoesNotCompactItself() {
        assertThat(EmbeddedCompaction.needed(StoreConfig.embedded(data))).isTrue();
        assertThat(EmbeddedCompaction.needed(StoreConfig.inMemory("compaction"))).isFalse();
        assertThat(EmbeddedCompaction.needed(StoreConfig.jdbc("jdbc:h2:file:" + data.resolve("x"), "sa", "")))
                .as("an H2 file written with a delay: H2's background thread compacts").isFalse();
        assertThat(EmbeddedCompaction.needed(StoreConfig.jdbc("jdbc:postgresql://localhost/kpi", "kpi", "")))
                .isFalse();
    }

    private static StoreConfig withoutRetention(Path data) {
        return new StoreConfig(StoreConfig.embedded(data).jdbcUrl() + ";RETENTION_TIME=0", "sa", "", 8);
    }
}
