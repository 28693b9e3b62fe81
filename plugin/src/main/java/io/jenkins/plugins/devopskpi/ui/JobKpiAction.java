package io.jenkins.plugins.devopskpi.ui;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.summary.KpiSummary;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jenkins.model.TransientActionFactory;

/** A job page's KPI summary of the application its rule names (only for users who may read the job). */
public final class JobKpiAction implements Action {
    private final DeploymentTarget target;

    JobKpiAction(DeploymentTarget target) {
        this.target = target;
    }

    public DeploymentTarget getTarget() {
        return target;
    }

    public KpiSummary getSummary() throws IOException {
        return KpiConfiguration.get().backend().summary(target.application(),
                Scope.application(target.application()), target.environment());
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return Messages.JobAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "devops-kpi";
    }

    /** The application a job deploys by its rule (build parameters are not known before a run). */
    static DeploymentTarget target(Job<?, ?> job) {
        return DeploymentTarget.resolve(KpiConfiguration.get().pipelineRules(), job.getFullName(), Map.of())
                .orElse(null);
    }

    @Extension
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Collection<? extends Action> createFor(Job job) {
            DeploymentTarget target = JenkinsFacade.canRead(job) ? target(job) : null;
            return target == null ? List.of() : List.of(new JobKpiAction(target));
        }
    }
}
