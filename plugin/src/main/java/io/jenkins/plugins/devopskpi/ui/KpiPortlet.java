package io.jenkins.plugins.devopskpi.ui;

import hudson.model.Descriptor;
import hudson.model.Job;
import hudson.plugins.view.dashboard.DashboardPortlet;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.summary.KpiSummary;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jenkinsci.plugins.variant.OptionalExtension;
import org.kohsuke.stapler.DataBoundConstructor;

/** A dashboard-view portlet (only when that plugin is installed): the KPIs of the applications on the dashboard. */
public final class KpiPortlet extends DashboardPortlet {
    /** Null as configured (a dashboard's XML has none of it): then the store's. */
    private final transient Figures<KpiPortlet, List<KpiSummary>> figures;

    @DataBoundConstructor
    public KpiPortlet(String name) {
        this(name, null);
    }

    KpiPortlet(String name, Figures<KpiPortlet, List<KpiSummary>> figures) {
        super(name);
        this.figures = figures;
    }

    @Override
    public String getDisplayName() {
        return getName();
    }

    public List<SummaryRow> getSummaries() throws IOException {
        return SummaryRow.of(figures == null ? stored() : figures.of(this));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private List<KpiSummary> stored() throws IOException {
        List<KpiSummary> summaries = new ArrayList<>();
        var backend = KpiConfiguration.get().reads();
        List<Job> jobs = getDashboard().getJobs();
        jobs.stream().filter(JenkinsFacade::canRead).map(job -> JobKpiAction.target((Job<?, ?>) job))
                .filter(Objects::nonNull).map(t -> new DeploymentTarget(t.application(), t.environment(), null, null))
                .distinct().forEach(t -> summaries.add(backend.applicationSummary(t.application(), t.environment(),
                        JenkinsFacade::mayReadJob)));
        return summaries;
    }

    @OptionalExtension(requirePlugins = "dashboard-view")
    public static final class DescriptorImpl extends Descriptor<DashboardPortlet> {
        @Override
        public String getDisplayName() {
            return Messages.Portlet_DisplayName();
        }
    }
}
