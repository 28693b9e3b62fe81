package io.jenkins.plugins.devopskpi.history;

import io.devopskpi.core.changes.ChangeSelection;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.mapping.PipelineRule;
import io.devopskpi.core.model.Deployment;
import io.jenkins.plugins.devopskpi.steps.RunEvents;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One import of the builds Jenkins already has, for the jobs the rules match: each finished build becomes the
 * deployment the run listener would have recorded (same id, same fields; {@link RunEvents#history}), marked
 * {@code imported}. Builds whose deployment the store holds (recorded live, or imported before) are left as they
 * are, so a second import adds nothing. Reads job by job and build by build, keeping at most
 * {@link ChangeSelection#MAX_RUNS} builds of one job (the change walk) and {@link #BATCH} deployments (stored
 * together) in memory.
 */
public final class HistoryImport {
    public static final int BATCH = 100;

    private final HistorySource source;
    private final List<PipelineRule> rules;
    private final String controller;
    private final Target store;
    private final Clock clock;

    /** Where the deployments go. */
    public interface Target {
        /** Whether the store holds a deployment of this id. */
        boolean holds(String id);

        /** Stores the batch, all or nothing. */
        void store(List<Deployment> batch);
    }

    public HistoryImport(HistorySource source, List<PipelineRule> rules, String controller, Target store,
            Clock clock) {
        this.source = source;
        this.rules = List.copyOf(rules);
        this.controller = controller;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Imports until done, cancelled or failed; publishes the progress after every build.
     *
     * @return the last progress (DONE, CANCELLED or FAILED)
     */
    public ImportProgress run(BooleanSupplier cancelled, Consumer<ImportProgress> publish) {
        ImportProgress progress = new ImportProgress(ImportProgress.State.RUNNING, 0, 0, null, 0, 0, 0, 0, null,
                clock.instant(), null);
        List<Deployment> batch = new ArrayList<>();
        try {
            List<String> jobs = source.jobs().stream().filter(this::matched).toList();
            for (int done = 0; done < jobs.size(); done++) {
                String job = jobs.get(done);
                progress = progress.job(done, jobs.size(), job);
                publish.accept(progress);
                Iterator<BuildRecord> builds = source.builds(job);
                Deque<BuildRecord> window = new ArrayDeque<>();
                while (true) {
                    if (cancelled.getAsBoolean()) {
                        progress = flush(batch, progress);
                        return publish(publish, progress.end(ImportProgress.State.CANCELLED, null, clock.instant()));
                    }
                    while (window.size() < ChangeSelection.MAX_RUNS && builds.hasNext()) {
                        window.addLast(builds.next());
                    }
                    if (window.isEmpty()) {
                        break;
                    }
                    progress = read(job, window, batch, progress);
                    window.removeFirst();
                    if (batch.size() >= BATCH) {
                        progress = flush(batch, progress);
                    }
                    publish.accept(progress);
                }
            }
            progress = flush(batch, progress);
            return publish(publish, progress.end(ImportProgress.State.DONE, null, clock.instant()));
        } catch (RuntimeException e) {
            return publish(publish, progress.end(ImportProgress.State.FAILED, String.valueOf(e.getMessage()),
                    clock.instant()));
        }
    }

    private static ImportProgress publish(Consumer<ImportProgress> publish, ImportProgress progress) {
        publish.accept(progress);
        return progress;
    }

    private boolean matched(String job) {
        return rules.stream().anyMatch(rule -> rule.matches(job));
    }

    /** The window's first build, with the builds before it for its changes. */
    private ImportProgress read(String job, Deque<BuildRecord> window, List<Deployment> batch,
            ImportProgress progress) {
        BuildRecord build = window.peekFirst();
        if (build.building()) {
            return progress.read(1, 0, 0, 1); // the run listener records it when it completes
        }
        DeploymentTarget target = DeploymentTarget.resolve(rules, job, build.environment()).orElse(null);
        if (target == null) {
            return progress.read(1, 0, 0, 1);
        }
        List<ChangeSelection.RunChanges> runs = new ArrayList<>();
        for (BuildRecord run : window) {
            runs.add(new ChangeSelection.RunChanges(run.started(), RunEvents.eventId(target, controller, run.runId()),
                    run.successful(), run.commits()));
        }
        if (store.holds(runs.get(0).eventId())) {
            return progress.read(1, 0, 1, 0);
        }
        batch.add(RunEvents.history(target, build.environment(), build.started(), build.finished(), build.result(),
                runs, job, build.url()));
        return progress.read(1, 0, 0, 0);
    }

    private ImportProgress flush(List<Deployment> batch, ImportProgress progress) {
        if (batch.isEmpty()) {
            return progress;
        }
        store.store(batch);
        ImportProgress stored = progress.read(0, batch.size(), 0, 0);
        batch.clear();
        return stored;
    }
}
