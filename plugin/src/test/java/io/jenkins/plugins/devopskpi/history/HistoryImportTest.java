package io.jenkins.plugins.devopskpi.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.changes.ChangeSelection;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.mapping.PipelineRule;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history import over a real embedded store, with builds made in the test ({@link BuildRecord}s, what
 * {@link JenkinsHistory} reads of a Jenkins run; the stubs cannot make runs, their final getters throw): ids and
 * fields as live recording, imported, idempotent, cancellable, bounded, and on its own thread.
 */
class HistoryImportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    private static final List<PipelineRule> RULES = List.of(
            new PipelineRule("shop/deploy-*", "shop", "production", DeploymentKind.NORMAL, "payments"));

    @TempDir
    Path work;
    private EmbeddedKpis kpis;
    private final Jobs jobs = new Jobs();

    @BeforeEach
    void openStore() throws Exception {
        kpis = new EmbeddedKpis(StoreConfig.embedded(work.resolve("store")), KpiSettings::defaults,
                new Outbox(work.resolve("queue")), CLOCK);
    }

    @AfterEach
    void closeStore() {
        kpis.close();
    }

    /** Jobs and their builds, newest first as Jenkins walks them; counts every build handed out. */
    private static final class Jobs implements HistorySource {
        final Map<String, List<BuildRecord>> builds = new LinkedHashMap<>();
        final AtomicInteger handedOut = new AtomicInteger();
        final List<String> threads = new ArrayList<>();
        Runnable onEachBuild = () -> { };

        /** Builds #1..#n started an hour apart; results by number, one commit each (c<n>), an hour before its start. */
        void add(String job, int n, java.util.function.IntFunction<DeploymentResult> result) {
            List<BuildRecord> list = new ArrayList<>();
            for (int i = n; i >= 1; i--) {
                Instant started = Instant.parse("2026-01-01T10:00:00Z").plus(Duration.ofHours(i));
                DeploymentResult r = result.apply(i);
                list.add(new BuildRecord(job + "#" + i, started, started.plusSeconds(300), r,
                        r == DeploymentResult.SUCCESS, false,
                        List.of(new ChangeSelection.Commit(job + "-c" + i, started.minusSeconds(3600).toEpochMilli(),
                                "dev")),
                        Map.of(), "https://ci.example/job/" + job + "/" + i + "/"));
            }
            builds.put(job, list);
        }

        @Override
        public List<String> jobs() {
            threads.add(Thread.currentThread().getName());
            return new ArrayList<>(builds.keySet());
        }

        @Override
        public Iterator<BuildRecord> builds(String job) {
            Iterator<BuildRecord> all = builds.get(job).iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return all.hasNext();
                }

                @Override
                public BuildRecord next() {
                    handedOut.incrementAndGet();
                    onEachBuild.run();
                    return all.next();
                }
            };
        }
    }

    private HistoryImport importer(HistoryImport.Target target) {
        return new HistoryImport(jobs, RULES, null, target, CLOCK);
    }

    private ImportProgress run(HistoryImport.Target target) {
        return importer(target).run(() -> false, p -> { });
    }

    private StoreTarget store() {
        return new StoreTarget(kpis, CLOCK);
    }

    private Deployment stored(String id) {
        return kpis.events().findDeployment(id).orElseThrow(() -> new AssertionError(id + " is not stored"));
    }

    @Test
    void importsEveryFinishedBuildOfTheMatchedJobsWithTheLiveIdsAsImported() {
        jobs.add("shop/deploy-prod", 3, i -> i == 2 ? DeploymentResult.FAILURE : DeploymentResult.SUCCESS);
        jobs.add("shop/build", 4, i -> DeploymentResult.SUCCESS);

        ImportProgress done = run(store());

        assertThat(done.state()).isEqualTo(ImportProgress.State.DONE);
        assertThat(done.jobsTotal()).as("only the job a rule matches").isEqualTo(1);
        assertThat(done.imported()).isEqualTo(3);
        assertThat(kpis.events().countEvents()).isEqualTo(3);
        Deployment third = stored("jenkins:shop/deploy-prod#3:shop:production");
        assertThat(third.imported()).isTrue();
        assertThat(third.application() + "/" + third.environment() + "/" + third.team())
                .isEqualTo("shop/production/payments");
        assertThat(third.result()).isEqualTo(DeploymentResult.SUCCESS);
        assertThat(third.pipeline()).isEqualTo("shop/deploy-prod");
        assertThat(third.url()).isEqualTo("https://ci.example/job/shop/deploy-prod/3/");
        assertThat(third.finished()).isEqualTo(third.started().plusSeconds(300));
        assertThat(third.changes()).as("back to the last successful build (#1), as the run listener selects them")
                .extracting(Change::id).containsExactlyInAnyOrder("shop/deploy-prod-c3", "shop/deploy-prod-c2");
        assertThat(stored("jenkins:shop/deploy-prod#2:shop:production").result())
                .isEqualTo(DeploymentResult.FAILURE);
        assertThat(stored("jenkins:shop/deploy-prod#1:shop:production").changes()).extracting(Change::id)
                .containsExactly("shop/deploy-prod-c1");
    }

    @Test
    void aSecondImportAddsNothingAndABuildRecordedLiveIsLeftAsItIs() {
        jobs.add("shop/deploy-prod", 3, i -> DeploymentResult.SUCCESS);
        Deployment live = Deployment.builder("jenkins:shop/deploy-prod#3:shop:production").application("shop")
                .environment("production").started(Instant.parse("2026-01-04T10:00:00Z"))
                .finished(Instant.parse("2026-01-04T10:05:00Z")).result(DeploymentResult.SUCCESS)
                .pipeline("shop/deploy-prod").build();
        store().store(List.of(live));

        ImportProgress first = run(store());
        ImportProgress second = run(store());

        assertThat(first.imported()).isEqualTo(2);
        assertThat(first.alreadyStored()).isEqualTo(1);
        assertThat(stored(live.id()).imported()).as("the live recording stays as it was").isFalse();
        assertThat(second.imported()).isZero();
        assertThat(second.alreadyStored()).isEqualTo(3);
        assertThat(kpis.events().countEvents()).isEqualTo(3);
    }

    @Test
    void aRunningBuildIsLeftToTheRunListenerAndDevopsKpiVariablesChooseTheTarget() {
        Instant started = Instant.parse("2026-01-05T10:00:00Z");
        jobs.builds.put("shop/deploy-any", List.of(
                new BuildRecord("shop/deploy-any#2", started, started, DeploymentResult.SUCCESS, false, true,
                        List.of(), Map.of(), null),
                new BuildRecord("shop/deploy-any#1", started.minusSeconds(600), started.minusSeconds(300),
                        DeploymentResult.SUCCESS, true, false, List.of(),
                        Map.of("DEVOPS_KPI_ENVIRONMENT", "staging", "library.pipeline-lib.version", "3.2.0"), null)));

        ImportProgress done = run(store());

        assertThat(done.skipped()).isEqualTo(1);
        assertThat(done.imported()).isEqualTo(1);
        Deployment staging = stored("jenkins:shop/deploy-any#1:shop:staging");
        assertThat(staging.components()).extracting(c -> c.name() + "@" + c.version())
                .containsExactly("pipeline-lib@3.2.0");
        assertThat(kpis.events().findDeployment("jenkins:shop/deploy-any#2:shop:production")).isEmpty();
    }

    @Test
    void cancelledItStopsStoresWhatItReadAndTheNextImportCompletesIt() {
        jobs.add("shop/deploy-a", 30, i -> DeploymentResult.SUCCESS);
        jobs.add("shop/deploy-b", 30, i -> DeploymentResult.SUCCESS);
        AtomicBoolean cancel = new AtomicBoolean();
        jobs.onEachBuild = () -> {
            if (jobs.handedOut.get() == 40) {
                cancel.set(true);
            }
        };

        ImportProgress cancelled = importer(store()).run(cancel::get, p -> { });

        assertThat(cancelled.state()).isEqualTo(ImportProgress.State.CANCELLED);
        assertThat(cancelled.imported()).isBetween(1L, 59L);
        assertThat(kpis.events().countEvents()).as("what it read is stored").isEqualTo(cancelled.imported());

        jobs.onEachBuild = () -> { };
        ImportProgress rest = run(store());
        assertThat(rest.state()).isEqualTo(ImportProgress.State.DONE);
        assertThat(rest.imported() + rest.alreadyStored()).isEqualTo(60);
        assertThat(rest.alreadyStored()).isEqualTo(cancelled.imported());
        assertThat(kpis.events().countEvents()).isEqualTo(60);
    }

    @Test
    void itKeepsAtMostTheChangeWalkOfBuildsAndABatchOfDeploymentsInMemory() {
        jobs.add("shop/deploy-big", 1_000, i -> i % 3 == 0 ? DeploymentResult.FAILURE : DeploymentResult.SUCCESS);
        List<Integer> batches = new ArrayList<>();
        StoreTarget real = store();
        HistoryImport.Target counting = new HistoryImport.Target() {
            @Override
            public boolean holds(String id) {
                return real.holds(id);
            }

            @Override
            public void store(List<Deployment> batch) {
                batches.add(batch.size());
                real.store(batch);
            }
        };
        List<Long> readAhead = new ArrayList<>();

        ImportProgress done = importer(counting).run(() -> false,
                p -> readAhead.add(jobs.handedOut.get() - p.buildsRead()));

        assertThat(done.imported()).isEqualTo(1_000);
        assertThat(batches).hasSize(10).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(HistoryImport.BATCH));
        assertThat(readAhead).allSatisfy(ahead -> assertThat(ahead).isLessThanOrEqualTo(ChangeSelection.MAX_RUNS));
    }

    @Test
    void aStoreFailureStopsTheImportWithItsReasonAndNothingOfTheBatchHalfStored() {
        jobs.add("shop/deploy-prod", 5, i -> DeploymentResult.SUCCESS);
        HistoryImport.Target failing = new HistoryImport.Target() {
            @Override
            public boolean holds(String id) {
                return false;
            }

            @Override
            public void store(List<Deployment> batch) {
                throw new io.devopskpi.core.store.StoreException("the database is gone");
            }
        };

        ImportProgress failed = run(failing);

        assertThat(failed.state()).isEqualTo(ImportProgress.State.FAILED);
        assertThat(failed.error()).isEqualTo("the database is gone");
        assertThat(failed.imported()).isZero();
    }

    @Test
    void theRunnerImportsOnItsOwnThreadOneImportAtATime() throws Exception {
        jobs.add("shop/deploy-prod", 3, i -> DeploymentResult.SUCCESS);
        CountDownLatch release = new CountDownLatch(1);
        jobs.onEachBuild = () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        HistoryRunner runner = new HistoryRunner();

        assertThat(runner.start(() -> importer(store()))).isTrue();
        assertThat(runner.progress().isRunning()).isTrue();
        assertThat(runner.start(() -> importer(store()))).as("one import at a time").isFalse();
        release.countDown();
        assertThat(runner.await(Duration.ofSeconds(30))).as("ends within 30 s, not never").isTrue();

        assertThat(runner.progress().state()).isEqualTo(ImportProgress.State.DONE);
        assertThat(runner.progress().imported()).isEqualTo(3);
        assertThat(jobs.threads).containsOnly("devops-kpi history import");
    }
}
