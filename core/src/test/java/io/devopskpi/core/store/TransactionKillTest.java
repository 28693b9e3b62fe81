package io.devopskpi.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Event;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch is stored whole or not at all, also when the process dies: a real child JVM with several writers storing
 * batches of deployments with their changes is killed (SIGKILL) at random moments, and after each restart no
 * deployment may be there without all of its changes. H2 writes its file when a transaction ends, whatever the
 * other writers hold at that moment; before writers took turns across the commit ({@link EmbeddedWriteLock}), a kill
 * could bring back half of another writer's batch (the soak saw a deployment without its change: 409 on re-send).
 */
class TransactionKillTest {
    private static final int KILLS = 15;
    private static final int CHANGES = 3;

    @TempDir
    Path data;

    @Test
    void noDeploymentSurvivesAKillWithoutItsChanges() throws Exception {
        Random random = new Random();
        for (int kill = 1; kill <= KILLS; kill++) {
            writeUntilKilled("k" + kill, 300 + random.nextInt(900));
            try (Store store = Store.open(StoreConfig.embedded(data)); Connection c = store.connection();
                    Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                            "SELECT d.id, (SELECT COUNT(*) FROM deployment_change c WHERE c.deployment_id = d.id) "
                                    + "FROM deployment d")) {
                List<String> partial = new ArrayList<>();
                int deployments = 0;
                while (rs.next()) {
                    deployments++;
                    if (rs.getInt(2) != CHANGES) {
                        partial.add(rs.getString(1) + " with " + rs.getInt(2) + " changes");
                    }
                }
                assertThat(partial).as("deployments stored without all %d changes after kill %d of %d stored",
                        CHANGES, kill, deployments).isEmpty();
            }
        }
    }

    /** Starts the child, waits until it has stored something, lets it write for {@code millis}, kills it. */
    private void writeUntilKilled(String prefix, long millis) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writers.class.getName(), data.toString(), prefix)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as("the child's first line").isEqualTo("writing");
            Thread.sleep(millis);
            child.toHandle().destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    /** The child: writers storing batches of deployments, each with its changes, until killed. */
    public static final class Writers {
        private static final int THREADS = 6;
        private static final int BATCH = 50;

        public static void main(String[] args) throws Exception {
            Store store = Store.open(StoreConfig.embedded(Path.of(args[0])));
            Ingestor ingestor = new Ingestor(store, Clock.systemUTC());
            System.out.println("writing");
            System.out.flush();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String writer = args[1] + "-w" + t;
                Thread thread = new Thread(() -> {
                    for (int batch = 0; ; batch++) {
                        ingestor.ingest(batch(writer + "-b" + batch));
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private static List<Event> batch(String prefix) {
            Instant finished = Instant.parse("2026-11-02T10:00:00Z");
            List<Event> batch = new ArrayList<>();
            for (int d = 0; d < BATCH; d++) {
                String id = prefix + "-d" + d;
                List<Change> changes = new ArrayList<>();
                for (int c = 0; c < CHANGES; c++) {
                    changes.add(new Change(id + "-c" + c, finished.minusSeconds(3_600), null));
                }
                batch.add(Deployment.builder(id).application("shop").environment("production")
                        .started(finished.minusSeconds(60)).finished(finished).result(DeploymentResult.SUCCESS)
                        .changes(changes).build());
            }
            return batch;
        }
    }
}
