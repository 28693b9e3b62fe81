package io.jenkins.plugins.devopskpi.ui;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.summary.KpiSummary;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.jenkins.plugins.devopskpi.rules.JobTargets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import jenkins.model.TransientActionFactory;

/**
 * A job page's KPI summary and weekly trend of the application its rule names or that it deployed last (only for
 * users who may read the job).
 */
public final class JobKpiAction implements Action {
    private final DeploymentTarget target;
    private final Figures<DeploymentTarget, KpiSummary> figures;

    JobKpiAction(DeploymentTarget target) {
        this(target, JobKpiAction::stored);
    }

    JobKpiAction(DeploymentTarget target, Figures<DeploymentTarget, KpiSummary> figures) {
        this.target = target;
        this.figures = figures;
    }

    public DeploymentTarget getTarget() {
        return target;
    }

    public String getApplication() {
        return target.application();
    }

    public String getEnvironment() {
        return target.environment();
    }

    public SummaryRow getSummary() throws IOException {
        return SummaryRow.of(figures.of(target));
    }

    /** The application's summary from the configured store, for readers of every job that deployed it. */
    static KpiSummary stored(DeploymentTarget target) throws IOException {
        return KpiConfiguration.get().backend().applicationSummary(target.application(), target.environment(),
                JenkinsFacade::mayReadJob);
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

    /**
     * The application a job deploys by its rule (build parameters are not known before a run), for the list column
     * and the portlet: they show many jobs at once, so they do not ask the store what each deployed.
     */
    static DeploymentTarget target(Job<?, ?> job) {
        return DeploymentTarget.resolve(KpiConfiguration.get().pipelineRules(), job.getFullName(), Map.of())
                .orElse(null);
    }

    /** What the store says a job deployed last; asked on {@link Factory#LOOKUPS}, never on a page's thread. */
    private static Optional<DeploymentTarget> lastTargetOf(String job) {
        try {
            return KpiConfiguration.get().backend().events().lastTargetOf(job);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The action for jobs the current user may read (checked first) whose rule names an application, or which
     * recorded deployments through the steps (see {@link JobTargets}).
     */
    @Extension
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Job> {
        private static final Executor LOOKUPS = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "devops-kpi job targets");
            thread.setDaemon(true);
            return thread;
        });
        private static final JobTargets TARGETS = new JobTargets(JobKpiAction::lastTargetOf, LOOKUPS,
                Duration.ofMillis(250), Clock.systemUTC());

        @Override
        public Class<Job> type() {
            return Job.class;
        }

        /** Only {@code getAction(JobKpiAction.class)} and the full action list consult this factory. */
        @Override
        public Class<JobKpiAction> actionType() {
            return JobKpiAction.class;
        }

        @Override
        public Collection<? extends Action> createFor(Job job) {
            if (!JenkinsFacade.canRead(job)) {
                return List.of();
            }
            return TARGETS.of(KpiConfiguration.get().pipelineRules(), job.getFullName())
                    .map(target -> List.of(new JobKpiAction(target))).orElse(List.of());
        }
    }
}
