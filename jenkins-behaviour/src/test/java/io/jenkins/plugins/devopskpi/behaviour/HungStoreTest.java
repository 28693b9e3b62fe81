package io.jenkins.plugins.devopskpi.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.devopskpi.core.dashboard.DashboardFiles;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.gate.GateOutcome;
import io.devopskpi.core.gate.GateStatus;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.KpiGateText;
import io.devopskpi.core.json.EventJsonWriter;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.core.store.StoreException;
import io.devopskpi.core.summary.KpiSummary;
import io.jenkins.plugins.devopskpi.listener.DeploymentListener;
import io.jenkins.plugins.devopskpi.ui.KpiReader;
import io.jenkins.plugins.devopskpi.ui.KpiRoutes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads: with the store behind a proxy that stops forwarding (a hung PostgreSQL) while the outbox's thread is
 * storing a backlog of 10,000 events, everything a build or a page calls returns within a second and says "not
 * available" or "queued"; the gate judges INSUFFICIENT_DATA with the reason; and once the database answers again,
 * everything queued meanwhile is stored. Jenkins' own threads are stood in for by the test thread: what matters is
 * what the plugin does on the thread that calls it.
 */
class HungStoreTest {
    private static final Duration PROMPT = Duration.ofSeconds(1);
    private static final int BACKLOG = 10_000;

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void buildsAndPagesDoNotWaitForAHungStore() throws Exception {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // PostgreSQL keeps µs
        try (StallingProxy proxy = new StallingProxy(postgres.getPort());
                EmbeddedKpis backend = new EmbeddedKpis(StoreConfig.jdbc("jdbc:postgresql://127.0.0.1:"
                        + proxy.port() + "/postgres", "postgres", "postgres"), KpiSettings::defaults,
                        new Outbox(dir.resolve("queue")), Clock.systemUTC())) {
            backend.submit(deployment("before", now.minusSeconds(3600)));
            backend.submit(new Incident("INC-1", "shop", "production", now.minusSeconds(1800),
                    now.minusSeconds(1700), null, "major", null, null, null));
            backend.flush(); // opens and migrates the store while it still answers
            assertThat(backend.events().countEvents()).isEqualTo(2);
            queueBacklog(backend.outbox(), now);

            proxy.stall();
            backend.submit(deployment("starts-the-drain", now)); // the outbox's thread now hangs in the store

            // run listener, recordDeployment, deployment {} completion: they queue and go on
            assertPrompt(() -> backend.submit(deployment("queued-while-hung", now)));
            assertThat(timed(() -> backend.submitNow(deployment("stored-at-once?", now)))).isFalse();
            // the change selection's look-up of the last successful deployment gives up, recording goes on
            assertPrompt(() -> assertThatThrownBy(() -> backend.lastSuccessfulDeployment("shop", "production"))
                    .isInstanceOf(StoreException.class));
            // resolveIncident: the resolution is kept on disk and stored later
            assertThat(timed(() -> backend.resolveNow("INC-1", now.minusSeconds(60)))).isFalse();

            // side panel, list column, portlet, job page
            KpiSummary team = timed(() -> backend.summary("payments", Scope.team("payments"), "production"));
            assertThat(team.error()).startsWith("KPIs are not available: ");
            assertThat(team.changeSuccessRate()).isNull();
            KpiSummary application = timed(() -> backend.applicationSummary("shop", "production", job -> true));
            assertThat(application.error()).startsWith("KPIs are not available: ");
            // the read API under /devops-kpi/api/v1/, as the root action routes it
            KpiRoutes.Reply reply = timed(() -> new KpiRoutes(new DashboardFiles(), () -> backend).reply("GET",
                    "/api/v1/kpis", Map.of("application", List.of("shop")), EVERYTHING, "/jenkins"));
            assertThat(reply.status()).isEqualTo(503);
            assertThat(((KpiRoutes.Reply.Answer) reply).answer().body()).contains("KPIs are not available");

            // kpiGate: a store outage is INSUFFICIENT_DATA with the reason; it fails only with failOnInsufficientData
            GateVerdict lenient = timed(() -> backend.judge(policies -> gate(false), gate(false)));
            assertThat(lenient.status()).isEqualTo(GateStatus.INSUFFICIENT_DATA);
            assertThat(lenient.message()).contains("the store is not usable");
            assertThat(GateOutcome.of(lenient)).isEqualTo(GateOutcome.PASS);
            GateVerdict strict = timed(() -> backend.judge(policies -> gate(true), gate(true)));
            assertThat(GateOutcome.of(strict)).isEqualTo(GateOutcome.FAILURE);

            proxy.resume();
            awaitEmpty(backend.outbox());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(deadline)
                    && backend.events().findIncident("INC-1").orElseThrow().resolved() == null) {
                backend.flush();
                Thread.sleep(100);
            }
            // 2 before + 10,000 backlog + 3 queued while hung (the last resolves INC-1, which is not a new event)
            assertThat(backend.events().countEvents()).isEqualTo(2 + BACKLOG + 3);
            assertThat(backend.events().findIncident("INC-1").orElseThrow().resolved())
                    .isEqualTo(now.minusSeconds(60));
        }
    }

    @Test
    void theRunListenerLeavesTheRunsEnvironmentAndStoreToTheRecorderThread() throws Exception {
        CompletableFuture<String> readOn = new CompletableFuture<>();
        Run<?, ?> run = new CompletedRun(readOn);
        String caller = Thread.currentThread().getName();

        assertPrompt(() -> new DeploymentListener().onCompleted(run, TaskListener.NULL));

        // old code read the environment (and walked earlier builds, and asked the store) on the calling thread,
        // which for a Pipeline is the CPS VM thread
        assertThat(readOn.get(10, TimeUnit.SECONDS)).isEqualTo("devops-kpi recorder").isNotEqualTo(caller);
    }

    /** A completed run whose environment records which thread read it. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class CompletedRun extends Run {
        private final CompletableFuture<String> readOn;

        CompletedRun(CompletableFuture<String> readOn) {
            super((Job) null, 0L);
            this.readOn = readOn;
        }

        @Override
        public String getExternalizableId() {
            return "shop/deploy#7";
        }

        @Override
        public EnvVars getEnvironment(TaskListener listener) {
            readOn.complete(Thread.currentThread().getName());
            throw new IllegalStateException("the test ends here: no Jenkins behind this run");
        }
    }

    /** A reader who may read everything: the answer is decided by the store alone. */
    private static final KpiReader EVERYTHING = new KpiReader() {
        @Override
        public boolean mayReadOverall() {
            return true;
        }

        @Override
        public boolean isAdministrator() {
            return true;
        }

        @Override
        public boolean mayReadJob(String fullName) {
            return true;
        }
    };

    private static KpiGate gate(boolean failOnInsufficientData) {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("application", "shop");
        return KpiGateText.parse(scopes, "production", "30d", Map.of("changeSuccessRate", ">= 0.9"), 0,
                failOnInsufficientData, "FAILURE", Instant.now());
    }

    private static Deployment deployment(String id, Instant finished) {
        return Deployment.builder(id).application("shop").environment("production")
                .started(finished.minusSeconds(300)).finished(finished).result(DeploymentResult.SUCCESS).build();
    }

    /** 10,000 queued events as the outbox writes them (without forcing each to disk: a fixture, not a claim). */
    private static void queueBacklog(Outbox outbox, Instant now) throws IOException {
        for (int i = 0; i < BACKLOG; i++) {
            Files.writeString(outbox.directory().resolve(String.format("%020d.json", 1_000_000 + i)),
                    EventJsonWriter.toJson(deployment("backlog-" + i, now.minusSeconds(i))).toString(),
                    StandardCharsets.UTF_8);
        }
    }

    private static void awaitEmpty(Outbox outbox) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!outbox.pending().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(outbox.pending()).as("events still queued after the store came back").isEmpty();
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws Exception;
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static <T> T timed(Call<T> call) throws Exception {
        long start = System.nanoTime();
        T answer = call.call();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time the caller waited").isLessThan(PROMPT);
        return answer;
    }

    private static void assertPrompt(Action action) throws Exception {
        timed(() -> {
            action.run();
            return null;
        });
    }
}
