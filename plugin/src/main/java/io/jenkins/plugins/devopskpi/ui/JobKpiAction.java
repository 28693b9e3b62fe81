package io.jenkins.plugins.devopskpi.ui;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Api;
import hudson.model.Job;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.summary.KpiSummary;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.jenkins.plugins.devopskpi.rules.JobTargets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A job page's KPI summary and weekly trend of the application its rule names or that it deployed last (only for
 * users who may read the job), also as {@code job/<name>/devops-kpi/api/json}, and links to the application's pages
 * under {@code /devops-kpi/}.
 */
@ExportedBean
public final class JobKpiAction implements Action {
    private final DeploymentTarget target;
    private final Figures<DeploymentTarget, KpiSummary> figures;
    private final Figures<DeploymentTarget, JobKpis> exported;
    private final Figures<DeploymentTarget, List<SupplierLink>> suppliers;

    JobKpiAction(DeploymentTarget target) {
        this(target, JobKpiAction::stored, JobKpiAction::storedKpis, JobKpiAction::storedSuppliers);
    }

    JobKpiAction(DeploymentTarget target, Figures<DeploymentTarget, KpiSummary> figures) {
        this(target, figures, JobKpiAction::storedKpis, JobKpiAction::storedSuppliers);
    }

    JobKpiAction(DeploymentTarget target, Figures<DeploymentTarget, KpiSummary> figures,
            Figures<DeploymentTarget, JobKpis> exported) {
        this(target, figures, exported, JobKpiAction::storedSuppliers);
    }

    JobKpiAction(DeploymentTarget target, Figures<DeploymentTarget, KpiSummary> figures,
            Figures<DeploymentTarget, JobKpis> exported, Figures<DeploymentTarget, List<SupplierLink>> suppliers) {
        this.target = target;
        this.figures = figures;
        this.exported = exported;
        this.suppliers = suppliers;
    }

    /**
     * The application's delivery and operations suppliers now, each with its scorecard link; empty when the reader
     * may not read every job that deployed it, or the store does not answer within the page's patience.
     */
    @Exported(inline = true)
    public List<SupplierLink> getSuppliers() throws IOException {
        List<SupplierLink> links = suppliers.of(target);
        return links == null ? List.of() : links;
    }

    /** {@code api/json}, {@code api/xml} of this action, as on every Jenkins model object. */
    public Api getApi() {
        return new Api(this);
    }

    public DeploymentTarget getTarget() {
        return target;
    }

    @Exported
    public String getApplication() {
        return target.application();
    }

    @Exported
    public String getEnvironment() {
        return target.environment();
    }

    /** The summary's figures as numbers with their sample sizes, or why there are none (never null). */
    @Exported(inline = true)
    public JobKpis getKpis() throws IOException {
        return exported.of(target);
    }

    /** The dashboard's page of the application in this environment, below Jenkins' root (no context path). */
    @Exported
    public String getApplicationUrl() {
        return "devops-kpi/applications/" + encode(target.application()) + environmentQuery("?");
    }

    /** The dashboard's comparison of suppliers, in this environment. */
    @Exported
    public String getComparisonUrl() {
        return "devops-kpi/compare" + environmentQuery("?");
    }

    /** The application's figures as the read API answers them. */
    @Exported
    public String getKpisApiUrl() {
        return "devops-kpi/api/v1/kpis?application=" + encode(target.application()) + environmentQuery("&");
    }

    private String environmentQuery(String separator) {
        return "production".equals(target.environment()) ? ""
                : separator + "environment=" + encode(target.environment());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public SummaryRow getSummary() throws IOException {
        return SummaryRow.of(figures.of(target));
    }

    /** The application's summary from the configured store, for readers of every job that deployed it. */
    static KpiSummary stored(DeploymentTarget target) throws IOException {
        return KpiConfiguration.get().reads().applicationSummary(target.application(), target.environment(),
                JenkinsFacade::mayReadJob);
    }

    /** The application's suppliers from where the plugin reads, for readers of every job that deployed it. */
    static List<SupplierLink> storedSuppliers(DeploymentTarget target) throws IOException {
        return SupplierLink.of(KpiConfiguration.get().reads(), target, Instant.now(), JenkinsFacade::mayReadJob);
    }

    /** The application's figures for {@code api/json}, as the reader may have them (see {@link #stored}). */
    static JobKpis storedKpis(DeploymentTarget target) throws IOException {
        return JobKpis.of(KpiConfiguration.get().reads(), target, Instant.now(), JenkinsFacade::mayReadJob);
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
        KpiConfiguration configuration = KpiConfiguration.get();
        if (configuration.centralServer() != null) {
            return Optional.empty(); // the job's rule names its application; the server is not asked per job
        }
        try {
            return configuration.backend().events().lastTargetOf(job);
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
