package io.jenkins.plugins.devopskpi.listener;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.jenkins.plugins.devopskpi.steps.RunEvents;
import java.time.Instant;
import java.util.Optional;

/**
 * Records a completed run as a deployment when a job rule or the run's DEVOPS_KPI_* variables name its target
 * (unless a step in the run already recorded that target). For a Pipeline this is called on the CPS VM thread, so
 * it only hands the run to the recorder thread ({@link RunEvents#later}), which reads the run's environment and
 * earlier builds and queues the event: never fails or slows a build.
 */
@Extension
public final class DeploymentListener extends RunListener<Run<?, ?>> {
    @Override
    public void onCompleted(Run<?, ?> run, TaskListener listener) {
        RunEvents.later(run.getExternalizableId(), () -> record(run));
    }

    /** On the recorder thread: the build's log may be closed by now, so the environment is read without it. */
    static void record(Run<?, ?> run) throws Exception {
        EnvVars environment = run.getEnvironment(TaskListener.NULL);
        Optional<DeploymentTarget> target = DeploymentTarget.resolve(KpiConfiguration.get().pipelineRules(),
                run.getParent().getFullName(), environment);
        RunEvents.Recorded recorded = run.getAction(RunEvents.Recorded.class);
        if (target.isPresent() && (recorded == null || !recorded.contains(target.get()))) {
            long duration = Math.max(run.getDuration(), 0);
            RunEvents.record(run, target.get(), environment, RunEvents.result(run.getResult()),
                    Instant.ofEpochMilli(run.getStartTimeInMillis() + duration), TaskListener.NULL);
        }
    }
}
