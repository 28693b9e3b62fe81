package io.jenkins.plugins.devopskpi.steps;

import hudson.model.Action;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.scm.ChangeLogSet;
import io.devopskpi.core.changes.ChangeSelection;
import io.devopskpi.core.embedded.EventIntake;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.mapping.SharedLibraries;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.scm.RunWithSCM;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * Turns a run into a deployment event and queues it; shared by the run listener and the steps. What reads build
 * records (the walk back over earlier runs, the run's environment) or asks the store never runs on a thread that must
 * not wait: the run listener and the {@code deployment {}} block's callback (both on the Pipeline's CPS VM thread)
 * hand it to {@link #later}; the store (or the central server) is asked with the lookup patience (EventIntake).
 */
public final class RunEvents {
    private static final String CI = "jenkins";
    private static final Logger LOG = Logger.getLogger(RunEvents.class.getName());
    private static final ExecutorService RECORDER = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "devops-kpi recorder");
        thread.setDaemon(true);
        return thread;
    });

    private RunEvents() {
    }

    /**
     * Runs the recording on the plugin's recorder thread, in order, so the calling thread (a CPS VM thread, a run
     * listener's) goes on at once. A failure is logged: a KPI problem must never break a build.
     */
    public static void later(String what, RecordingTask task) {
        RECORDER.execute(() -> {
            try {
                task.run();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "devops-kpi: cannot record " + what + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Waits until what was handed to {@link #later} before this call is queued in the outbox (Jenkins' shutdown,
     * tests). @return false when the wait ran out first
     */
    public static boolean awaitRecorder(Duration wait) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        RECORDER.execute(done::countDown);
        return done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A piece of recording that may read build records and ask the store. */
    @FunctionalInterface
    public interface RecordingTask {
        void run() throws Exception;
    }

    /**
     * What the plugin recorded on a run: the targets a step recorded (so the run listener does not record them a
     * second time), and for the run's {@code api/json} ({@code actions[deployments[*],gates[*]]}) the deployments
     * it queued and the {@code kpiGate} verdicts. Kept in build.xml; runs recorded before the lists existed read
     * them as null, shown empty.
     */
    @ExportedBean
    public static final class Recorded implements Action {
        private final Set<String> targets = new HashSet<>();
        // replaced, never changed in place: Jenkins may write the run while the recorder thread adds to it
        private volatile List<RecordedDeployment> deployments = new ArrayList<>();
        private volatile List<RecordedGate> gates = new ArrayList<>();

        boolean add(DeploymentTarget target) {
            return targets.add(target.application() + "\n" + target.environment());
        }

        /** Shown in the run's side panel only when the run recorded a deployment or a gate verdict. */
        @Override
        public String getIconFileName() {
            return getDeployments().isEmpty() && getGates().isEmpty() ? null : "symbol-analytics";
        }

        @Override
        public String getDisplayName() {
            return Messages.RunAction_DisplayName();
        }

        /** {@code job/<name>/<n>/devops-kpi/}: what the run recorded, and its gate verdicts. */
        @Override
        public String getUrlName() {
            return "devops-kpi";
        }

        public boolean contains(DeploymentTarget target) {
            return targets.contains(target.application() + "\n" + target.environment());
        }

        synchronized void add(RecordedDeployment deployment) {
            deployments = appended(deployments, deployment);
        }

        synchronized void add(RecordedGate gate) {
            gates = appended(gates, gate);
        }

        private static <T> List<T> appended(List<T> list, T item) {
            List<T> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
            copy.add(item);
            return copy;
        }

        /** The deployments queued for this run, in order. */
        @Exported(inline = true)
        public List<RecordedDeployment> getDeployments() {
            List<RecordedDeployment> recorded = deployments;
            return recorded == null ? List.of() : Collections.unmodifiableList(recorded);
        }

        /** The run's gate verdicts, in order. */
        @Exported(inline = true)
        public List<RecordedGate> getGates() {
            List<RecordedGate> recorded = gates;
            return recorded == null ? List.of() : Collections.unmodifiableList(recorded);
        }
    }

    /**
     * Queues the run's deployment of the target, with the changes since the last successful deployment of that
     * application and environment and the Pipeline shared libraries its {@code environment} names, and logs it.
     * For the run listener, which has read the run's environment already.
     */
    public static void record(Run<?, ?> run, DeploymentTarget target, Map<String, String> environment,
            DeploymentResult result, Instant finished, TaskListener listener) throws IOException {
        store(run, target, SharedLibraries.fromEnvironment(environment), result, finished, listener);
    }

    /**
     * As {@link #record(Run, DeploymentTarget, Map, DeploymentResult, Instant, TaskListener)}, for a step, with the
     * platform components the pipeline named (its {@code components} argument). The shared libraries the run
     * loaded are components too, unless the pipeline named one of the same name.
     */
    static void record(Run<?, ?> run, DeploymentTarget target, List<Component> named, DeploymentResult result,
            Instant finished, TaskListener listener) throws IOException {
        store(run, target, SharedLibraries.merge(named, SharedLibraries.fromEnvironment(environment(run, listener))),
                result, finished, listener);
    }

    private static void store(Run<?, ?> run, DeploymentTarget target, List<Component> components,
            DeploymentResult result, Instant finished, TaskListener listener) throws IOException {
        KpiConfiguration configuration = KpiConfiguration.get();
        String controller = configuration.getControllerName();
        List<ChangeSelection.RunChanges> runs = new ArrayList<>();
        for (Run<?, ?> r = run; r != null && runs.size() < ChangeSelection.MAX_RUNS; r = r.getPreviousBuild()) {
            runs.add(new ChangeSelection.RunChanges(Instant.ofEpochMilli(r.getStartTimeInMillis()),
                    target.eventId(CI, controller, r.getExternalizableId()), r.getResult() == Result.SUCCESS,
                    commits(r)));
        }
        EventIntake backend = configuration.intake();
        Deployment deployment = deployment(runs.get(0).eventId(), target, components,
                Instant.ofEpochMilli(run.getStartTimeInMillis()), finished, result, changes(backend, target, runs),
                run.getParent().getFullName(), runUrl(run));
        backend.submit(deployment);
        note(run, new RecordedDeployment(deployment));
        listener.getLogger().println("devops-kpi: recorded " + result + " deployment of " + target.application()
                + " to " + target.environment() + " with " + deployment.changes().size() + " change(s)"
                + (components.isEmpty() ? "" : " and " + components.size() + " component(s)"));
    }

    /**
     * The run's page, which the dashboard links a deployment to; null when Jenkins does not know its URL or it is
     * not http(s) (the event model takes only those).
     */
    public static String runUrl(Run<?, ?> run) {
        try {
            return runUrl(JenkinsFacade.rootUrl(), run.getUrl());
        } catch (IllegalStateException e) { // Jenkins is going away: record without the link
            return null;
        }
    }

    /** A run's page ({@code job/shop/42/}) below Jenkins' URL, if that is an http(s) URL; else null. */
    static String runUrl(String root, String run) {
        if (root == null || run == null || !(root.startsWith("http://") || root.startsWith("https://"))) {
            return null;
        }
        return (root.endsWith("/") ? root : root + "/") + run;
    }

    /** The deployment event of a target, without Jenkins: what {@link #record} queues. */
    static Deployment deployment(String eventId, DeploymentTarget target, List<Component> components,
            Instant started, Instant finished, DeploymentResult result, List<Change> changes, String pipeline,
            String url) {
        return builder(eventId, target, components, started, finished, result, changes, pipeline, url).build();
    }

    /**
     * A finished build's deployment as history (the history import): the id and fields live recording gives it,
     * its Pipeline shared libraries from its environment as components, the changes back to the job's last
     * successful run before it (the store is not asked: the import goes through the job's builds itself), and
     * {@code imported} set, so it gives no lead-time samples (metrics.md).
     *
     * @param newestFirst the build, then up to {@link ChangeSelection#MAX_RUNS} - 1 builds before it
     */
    public static Deployment history(DeploymentTarget target, Map<String, String> environment, Instant started,
            Instant finished, DeploymentResult result, List<ChangeSelection.RunChanges> newestFirst,
            String pipeline, String url) {
        return builder(newestFirst.get(0).eventId(), target, SharedLibraries.fromEnvironment(environment), started,
                finished, result, ChangeSelection.sinceLastSuccessfulRun(newestFirst), pipeline, url)
                .imported(true).build();
    }

    /** The event id of a run's deployment of a target, as live recording gives it. */
    public static String eventId(DeploymentTarget target, String controller, String runId) {
        return target.eventId(CI, controller, runId);
    }

    private static Deployment.Builder builder(String eventId, DeploymentTarget target, List<Component> components,
            Instant started, Instant finished, DeploymentResult result, List<Change> changes, String pipeline,
            String url) {
        return Deployment.builder(eventId)
                .application(target.application())
                .environment(target.environment())
                .kind(target.kind())
                .team(target.team())
                .started(started)
                .finished(finished)
                .result(result)
                .changes(changes)
                .components(components)
                .pipeline(pipeline)
                .url(url);
    }

    private static List<Change> changes(EventIntake backend, DeploymentTarget target,
            List<ChangeSelection.RunChanges> runs) {
        try {
            return ChangeSelection.since(backend.lastSuccessfulDeployment(target.application(),
                    target.environment()).orElse(null), runs);
        } catch (RuntimeException e) { // the store cannot tell within the lookup patience; recording goes on
            return ChangeSelection.sinceLastSuccessfulRun(runs);
        }
    }

    /**
     * The run's environment, where pipeline-groovy-lib names every shared library the run loaded
     * ({@code library.NAME.version}); empty when Jenkins cannot tell now (recording must not fail for it).
     */
    private static Map<String, String> environment(Run<?, ?> run, TaskListener listener) {
        try {
            return run.getEnvironment(listener);
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** A run's result as a deployment result: NOT_BUILT and ABORTED runs did not deploy. */
    public static DeploymentResult result(Result result) {
        if (result == null || result == Result.SUCCESS) {
            return DeploymentResult.SUCCESS;
        }
        return result == Result.UNSTABLE ? DeploymentResult.UNSTABLE
                : result == Result.FAILURE ? DeploymentResult.FAILURE : DeploymentResult.ABORTED;
    }

    /** The commits of the run's change sets (none for a run without SCM), as the change selection reads them. */
    public static List<ChangeSelection.Commit> commits(Run<?, ?> run) {
        List<ChangeSelection.Commit> commits = new ArrayList<>();
        if (run instanceof RunWithSCM<?, ?> scm) {
            for (ChangeLogSet<? extends ChangeLogSet.Entry> set : scm.getChangeSets()) {
                for (ChangeLogSet.Entry entry : set) {
                    commits.add(new ChangeSelection.Commit(entry.getCommitId(), entry.getTimestamp(),
                            entry.getAuthor() == null ? null : entry.getAuthor().getId()));
                }
            }
        }
        return commits;
    }

    /** Notes on the run that a step recorded this target. @return false if it was recorded before */
    static synchronized boolean markRecorded(Run<?, ?> run, DeploymentTarget target) {
        return recordedOn(run).add(target);
    }

    private static synchronized Recorded recordedOn(Run<?, ?> run) {
        Recorded recorded = run.getAction(Recorded.class);
        if (recorded == null) {
            recorded = new Recorded();
            run.addOrReplaceAction(recorded);
        }
        return recorded;
    }

    /** Keeps a gate verdict with the run, for its {@code api/json}. */
    static void note(Run<?, ?> run, RecordedGate gate) {
        recordedOn(run).add(gate);
    }

    /**
     * Keeps a queued deployment with the run. A finished run (the run listener records after the build) is written
     * again, else Jenkins writes it when it ends.
     */
    private static void note(Run<?, ?> run, RecordedDeployment deployment) {
        recordedOn(run).add(deployment);
        if (!run.isBuilding()) {
            try {
                run.save();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "devops-kpi: cannot keep the recorded deployment with "
                        + run.getExternalizableId() + ": " + e.getMessage(), e);
            }
        }
    }
}
