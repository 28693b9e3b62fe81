package io.devopskpi.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CI server killed (SIGKILL) while its embedded store is created or upgraded starts again on the same folder.
 * H2 commits each DDL statement on its own and Flyway records a migration only after all of it: before the store
 * migrated a copy, a kill between the two left tables without their record, and every later start failed with
 * "Table DEPLOYMENT already exists". A real child JVM opens a fresh store and is killed at random moments across the
 * time a whole open takes; the folder must open afterwards, fully migrated, and take writes.
 */
class MigrationKillTest {
    private static final int ROUNDS = 8;

    @TempDir
    Path folder;

    @Test
    void aStoreKilledWhileItsSchemaIsCreatedOpensOnTheNextStart() throws Exception {
        long wholeOpenMillis = openUntilKilled(folder.resolve("calibration"), Long.MAX_VALUE).millis();
        Random random = new Random();
        int killedBeforeOpen = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path data = folder.resolve("round-" + round);
            // spread over the whole open, the JVM's own start excluded: most kills land inside the migration
            Outcome outcome = openUntilKilled(data, (long) (wholeOpenMillis * (0.1 + 0.9 * random.nextDouble())));
            if (!outcome.opened()) {
                killedBeforeOpen++;
            }
            try (Store store = Store.open(StoreConfig.embedded(data))) {
                assertThat(Store.migrations(store.dataSource()).info().pending()).as("round %d", round).isEmpty();
                new Ingestor(store, Clock.systemUTC()).ingest(List.of(deployment("after-kill")));
                assertThat(new EventReader(store).findDeployment("after-kill")).isPresent();
            }
            assertThat(Files.list(data).map(p -> p.getFileName().toString()))
                    .as("no copy is left behind once the store opened").noneMatch(n -> n.contains(".migrating"));
        }
        assertThat(killedBeforeOpen).as("kills that landed before the store was open (of %d)", ROUNDS)
                .isGreaterThanOrEqualTo(ROUNDS / 2);
    }

    /**
     * While one process migrates (H2's own file lock is not held while the store is closed for its copy), another
     * one on the same folder is refused, touching nothing, instead of deleting or replacing the copy under it.
     */
    @Test
    void aSecondOpenWhileTheStoreIsMigratedIsRefusedAndTouchesNothing() throws Exception {
        Path data = folder.resolve("shared");
        Files.createDirectories(data);
        Path lockFile = data.resolve(StoreConfig.EMBEDDED_FILE + ".migration.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock migrating = channel.lock()) {
            assertThatThrownBy(() -> Store.open(StoreConfig.embedded(data))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("another process is migrating it");
            assertThat(Files.list(data).map(p -> p.getFileName().toString()))
                    .containsExactly(lockFile.getFileName().toString());
        }
        try (Store store = Store.open(StoreConfig.embedded(data))) {
            assertThat(Store.migrations(store.dataSource()).info().pending()).isEmpty();
        }
    }

    private record Outcome(boolean opened, long millis) {
    }

    /** Starts a child that opens the store in {@code data}, kills it {@code killAfterMillis} after it began. */
    private static Outcome openUntilKilled(Path data, long killAfterMillis) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Opener.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("opening");
            long start = System.nanoTime();
            boolean opened = false;
            if (killAfterMillis == Long.MAX_VALUE) {
                assertThat(out.readLine()).isEqualTo("open");
                opened = true;
            } else {
                Thread.sleep(killAfterMillis);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            // SIGKILL on Unix: no shutdown hook, no close
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (!opened) {
                opened = "open".equals(out.readLine());
            }
            return new Outcome(opened, millis);
        } finally {
            child.destroyForcibly();
        }
    }

    private static Deployment deployment(String id) {
        Instant finished = Instant.parse("2026-11-02T10:00:00Z");
        return Deployment.builder(id).application("shop").environment("production")
                .started(finished.minusSeconds(60)).finished(finished).result(DeploymentResult.SUCCESS).build();
    }

    /** The child: opens the store and waits to be killed. */
    public static final class Opener {
        public static void main(String[] args) throws Exception {
            System.out.println("opening");
            System.out.flush();
            Store store = Store.open(StoreConfig.embedded(Path.of(args[0])));
            System.out.println("open");
            System.out.flush();
            Thread.sleep(60_000);
            store.close();
        }
    }
}
