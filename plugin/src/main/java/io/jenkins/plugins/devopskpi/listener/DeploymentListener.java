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
import java.util.logging.Logger;

/**
 * Records a completed run as a deployment when a job rule or the run's DEVOPS_KPI_* variables name its target
 * (unless a step in the run already recorded that target). Only queues the event: never fails or slows a build.
 */
@Extension
public final class DeploymentListener extends RunListener<Run<?, ?>> {
    private static final Logger LOG = Logger.getLogger(DeploymentListener.class.getName());

    @Override
    public void onCompleted(Run<?, ?> run, TaskListener listener) {
        try {
            EnvVars environment = run.getEnvironment(listener);
            Optional<DeploymentTarget> target = DeploymentTarget.resolve(KpiConfiguration.get().pipelineRules(),
                    run.getParent().getFullName(), environment);
            RunEvents.Recorded recorded = run.getAction(RunEvents.Recorded.class);
            if (target.isPresent() && (recorded == null || !recorded.contains(target.get()))) {
                long duration = Math.max(run.getDuration(), 0);
                RunEvents.record(run, target.get(), environment, RunEvents.result(run.getResult()),
                        Instant.ofEpochMilli(run.getStartTimeInMillis() + duration), listener);
            }
        } catch (Exception e) { // a KPI problem must never break a build
            LOG.warning("devops-kpi: cannot record " + run.getExternalizableId() + " as a deployment: " + e);
        }
    }
}
