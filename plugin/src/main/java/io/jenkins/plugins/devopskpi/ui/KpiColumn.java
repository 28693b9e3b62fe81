package io.jenkins.plugins.devopskpi.ui;

import hudson.Extension;
import hudson.model.Job;
import hudson.views.ListViewColumn;
import hudson.views.ListViewColumnDescriptor;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.summary.KpiSummary;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import java.io.IOException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A list view column: the change success rate of the application each job deploys. */
public final class KpiColumn extends ListViewColumn {
    @DataBoundConstructor
    public KpiColumn() {
    }

    /** For column.jelly; null when the job deploys nothing known or the user may not read it. */
    public KpiSummary summary(Job<?, ?> job) throws IOException {
        DeploymentTarget target = JenkinsFacade.canRead(job) ? JobKpiAction.target(job) : null;
        if (target == null) {
            return null;
        }
        return KpiConfiguration.get().backend().applicationSummary(target.application(), target.environment(),
                JenkinsFacade::mayReadJob);
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
