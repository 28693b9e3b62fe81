package io.jenkins.plugins.devopskpi.ui;

import hudson.Extension;
import hudson.model.Job;
import hudson.views.ListViewColumn;
import hudson.views.ListViewColumnDescriptor;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.summary.KpiSummary;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import java.io.IOException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A list view column: the change success rate of the application each job deploys. */
public final class KpiColumn extends ListViewColumn {
    /** Null as configured (a view's XML has none of it): then the store's. */
    private final transient Figures<Job<?, ?>, KpiSummary> figures;

    @DataBoundConstructor
    public KpiColumn() {
        this(null);
    }

    KpiColumn(Figures<Job<?, ?>, KpiSummary> figures) {
        this.figures = figures;
    }

    /** For column.jelly; null when the job deploys nothing known or the user may not read it. */
    public SummaryRow summary(Job<?, ?> job) throws IOException {
        return SummaryRow.of(figures == null ? stored(job) : figures.of(job));
    }

    private static KpiSummary stored(Job<?, ?> job) throws IOException {
        DeploymentTarget target = JenkinsFacade.canRead(job) ? JobKpiAction.target(job) : null;
        return target == null ? null : JobKpiAction.stored(target);
    }

    @Extension
    @Symbol("devopsKpiChangeSuccessRate")
    public static final class DescriptorImpl extends ListViewColumnDescriptor {
        @Override
        public String getDisplayName() {
            return Messages.Column_DisplayName();
        }

        @Override
        public boolean shownByDefault() {
            return false;
        }
    }
}
