package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 1 at small scale: the real server process is killed with SIGKILL during concurrent ingestion over
 * HTTP and restarted on the same store; after re-sending what was not acknowledged, every acknowledged deployment
 * is stored exactly once. The long version with its figures is {@code scripts/soak.sh} (docs/reliability.md).
 * Generous timeouts: this checks behaviour, not speed.
 */
class KillNineSoakTest {
    @TempDir
    Path folder;

    @Test
    void embeddedH2KeepsEveryAcknowledgedBatchExactlyOnceAcrossKills() throws Exception {
        KillSoak.Figures figures = new KillSoak(new KillSoak.Settings(List.of("--data",
                folder.resolve("data").toString()), 3, 4, 20, 13L, folder.resolve("server.log"))).run();

        assertExactlyOnce(figures);
    }

    @Test
    void postgresqlKeepsEveryAcknowledgedBatchExactlyOnceAcrossKills() throws Exception {
        Path password = folder.resolve("db-password");
        Files.writeString(password, "postgres");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            KillSoak.Figures figures = new KillSoak(new KillSoak.Settings(List.of("--db", "jdbc:postgresql://localhost:"
                    + postgres.getPort() + "/postgres", "--db-user", "postgres", "--db-password-file",
                    password.toString()), 2, 4, 20, 13L, folder.resolve("server.log"))).run();

            assertExactlyOnce(figures);
        }
    }

    private static void assertExactlyOnce(KillSoak.Figures figures) {
        System.out.println(figures.summary());
        assertThat(figures.acknowledgedEvents()).as(figures.summary()).isPositive();
        assertThat(figures.lost()).as("acknowledged but not stored").isEmpty();
        assertThat(figures.doubled()).as("stored twice").isEmpty();
        assertThat(figures.storedEvents()).as(figures.summary()).isEqualTo(figures.acknowledgedEvents());
        assertThat(figures.changesCounted()).as("lead-time samples, one change per deployment")
                .isEqualTo(figures.storedEvents());
        assertThat(figures.mixedAnswers()).as("batches answered partly accepted, partly duplicate").isZero();
    }
}
