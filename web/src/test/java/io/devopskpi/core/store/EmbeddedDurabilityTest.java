package io.devopskpi.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.outbox.OutboxTest;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CI server killed with SIGKILL (OOM killer, a container stopped hard) keeps every write the embedded store
 * acknowledged: a real child JVM stores deployments and is killed a few acknowledgements in, three times over the
 * same folder.
 */
class EmbeddedDurabilityTest {
    private static final int KILLS = 3;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNine() throws Exception {
        Random random = new Random();
        List<String> acknowledged = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            acknowledged.addAll(writeUntilKilled("k" + kill + "-", 3 + random.nextInt(20)));
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * 3);
        try (Store store = Store.open(StoreConfig.embedded(dataDir))) {
            EventReader events = new EventReader(store);
            assertThat(acknowledged).allSatisfy(id ->
                    assertThat(events.findDeployment(id)).as("acknowledged deployment %s", id).isPresent());
        }
    }

    @Test
    void closingTheStoreClosesTheDatabaseFile() throws Exception {
        Store store = Store.open(StoreConfig.embedded(dataDir));
        new Ingestor(store, Clock.systemUTC()).ingest(List.of(OutboxTest.deployment("d1")));
        store.close();

        // H2 holds a lock on its file while the database is open (DB_CLOSE_ON_EXIT=FALSE: nothing else closes it)
        try (FileChannel file = FileChannel.open(dataDir.resolve(StoreConfig.EMBEDDED_FILE + ".mv.db"),
                StandardOpenOption.READ, StandardOpenOption.WRITE); FileLock lock = file.tryLock()) {
            assertThat(lock).as("the lock on the closed database file").isNotNull();
        }
    }

    /** @return the ids the child acknowledged before it died, including those printed while it was killed */
    private List<String> writeUntilKilled(String prefix, int killAfter) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AcknowledgingWriter.class.getName(),
                dataDir.toString(), prefix)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as("the child's first line").isEqualTo("open");
            String line;
            while (acknowledged.size() < killAfter && (line = out.readLine()) != null) {
                acknowledged.add(line);
            }
            // SIGKILL on Unix: no shutdown hook, no close. Through the handle, as Process.destroyForcibly would close
            // stdout and lose the acknowledgements still in the pipe.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            while ((line = out.readLine()) != null) {
                acknowledged.add(line);
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).as("acknowledgements before the kill").hasSizeGreaterThanOrEqualTo(killAfter);
        assertThat(File.separatorChar).isEqualTo('/'); // destroyForcibly is SIGKILL only on Unix
        return acknowledged;
    }
}
