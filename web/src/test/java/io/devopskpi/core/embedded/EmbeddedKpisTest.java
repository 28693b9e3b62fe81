package io.devopskpi.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.outbox.OutboxTest;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.core.store.StoreException;
import io.devopskpi.core.summary.KpiSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKpisTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void storesQueuedEventsOnceEvenWhenSubmittedTwice() throws Exception {
        try (EmbeddedKpis backend = new EmbeddedKpis(StoreConfig.inMemory("backend-" + System.nanoTime()),
                KpiSettings::defaults, new Outbox(dir.resolve("queue")), CLOCK)) {
            backend.submit(OutboxTest.deployment("jenkins:shop#1:shop:production"));
            backend.submit(OutboxTest.deployment("jenkins:shop#1:shop:production"));
            backend.flush();
            assertThat(backend.outbox().pending()).isEmpty();
            assertThat(backend.events().countEvents()).isEqualTo(1);
            assertThat(backend.events().findDeployment("jenkins:shop#1:shop:production")).isPresent();
        }
    }

    /**
     * OutboxKillTest once failed under load with "the file is locked": the background flush, waiting for the
     * test's own flush when the plugin closed, then opened the store again and held the H2 file.
     */
    @Test
    void doesNotOpenTheStoreAgainOnceClosed() throws Exception {
        StoreConfig file = StoreConfig.embedded(dir.resolve("home"));
        EmbeddedKpis backend = new EmbeddedKpis(file, KpiSettings::defaults, new Outbox(dir.resolve("queue")), CLOCK);
        backend.submit(OutboxTest.deployment("d1"));
        backend.flush();
        backend.close();

        assertThatThrownBy(backend::store).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(backend::flush).isInstanceOf(StoreException.class);
        try (Store next = Store.open(file)) { // the H2 file is free for its next owner
            assertThat(new EventReader(next).findDeployment("d1")).isPresent();
        }
    }

    @Test
    void keepsEventsQueuedWhileTheStoreIsUnusable() throws Exception {
        // nothing listens on port 1: the store cannot open
        StoreConfig unreachable = StoreConfig.jdbc("jdbc:postgresql://127.0.0.1:1/kpi?connectTimeout=1", "u", "p");
        Outbox queue = new Outbox(dir.resolve("queue"));
        try (EmbeddedKpis backend = new EmbeddedKpis(unreachable, KpiSettings::defaults, queue, CLOCK)) {
            backend.submit(OutboxTest.deployment("d1"));
            assertThatThrownBy(backend::flush).isInstanceOf(StoreException.class);
            assertThat(queue.pending()).hasSize(1);
        }
    }

    @Test
    void recordsAndResolvesAnIncidentAtOnce() throws Exception {
        try (EmbeddedKpis backend = new EmbeddedKpis(StoreConfig.inMemory("incident-" + System.nanoTime()),
                KpiSettings::defaults, new Outbox(dir.resolve("queue")), CLOCK)) {
            Instant started = Instant.parse("2026-01-09T10:00:00Z");
            assertThat(backend.submitNow(new Incident("INC-7", "shop", "production", started, started, null, "major",
                    null, null, null))).isTrue();
            assertThat(backend.resolveNow("INC-7", started.plusSeconds(3600))).isTrue();
            assertThat(backend.events().findIncident("INC-7").orElseThrow().resolved())
                    .isEqualTo(started.plusSeconds(3600));
            assertThatThrownBy(() -> backend.resolveNow("INC-8", started)).hasMessage("no incident 'INC-8' is stored");
        }
    }

    @Test
    void anApplicationSummaryIsShownOnlyToReadersOfEveryPipelineThatDeployedIt() throws Exception {
        try (EmbeddedKpis backend = new EmbeddedKpis(StoreConfig.inMemory("summary-" + System.nanoTime()),
                KpiSettings::defaults, new Outbox(dir.resolve("queue")), CLOCK)) {
            backend.submit(Deployment.builder("vault-1").application("vault").environment("production")
                    .started(Instant.parse("2026-01-05T10:00:00Z")).finished(Instant.parse("2026-01-05T10:07:00Z"))
                    .result(DeploymentResult.SUCCESS).pipeline("vault/deploy").build());
            backend.flush();

            KpiSummary shown = backend.applicationSummary("vault", "production", "vault/deploy"::equals);
            KpiSummary hidden = backend.applicationSummary("vault", "production", pipeline -> false);

            // 1 SUCCESS deployment in the 30 days before 2026-01-10: 1 / 30 * 7 = 0.23 per week; 1 of 1 succeeded
            assertThat(shown.label()).isEqualTo("vault (production)");
            assertThat(shown.error()).isNull();
            assertThat(shown.deploymentsPerWeek()).isEqualTo("0.2");
            assertThat(shown.changeSuccessRate()).isEqualTo("100 %");
            assertThat(hidden.error()).contains("hidden").contains("vault");
            assertThat(hidden.deploymentsPerWeek()).isNull();
            assertThat(hidden.changeSuccessRate()).isNull();
        }
    }

    /**
     * A CI keeps the reader in a thread-local (Jenkins' authentication), so the permission question must be asked
     * on the page's thread, not on the pool thread that asks the store.
     */
    @Test
    void theReaderIsAskedOnTheCallersThread() throws Exception {
        try (EmbeddedKpis backend = new EmbeddedKpis(StoreConfig.inMemory("reader-" + System.nanoTime()),
                KpiSettings::defaults, new Outbox(dir.resolve("queue")), CLOCK)) {
            backend.submit(Deployment.builder("vault-1").application("vault").environment("production")
                    .started(Instant.parse("2026-01-05T10:00:00Z")).finished(Instant.parse("2026-01-05T10:07:00Z"))
                    .result(DeploymentResult.SUCCESS).pipeline("vault/deploy").build());
            backend.flush();
            java.util.List<String> askedOn = new java.util.concurrent.CopyOnWriteArrayList<>();

            backend.applicationSummary("vault", "production", pipeline -> askedOn.add(Thread.currentThread().getName()));

            assertThat(askedOn).containsExactly(Thread.currentThread().getName());
        }
    }
}
