package io.jenkins.plugins.devopskpi.ui;

import io.devopskpi.core.embedded.KpiReads;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.summary.HeadlineFigures;
import java.time.Instant;
import java.util.function.Predicate;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A job page's summary as {@code api/json} gives it: the same 30-day figures as the page's {@link SummaryRow}, as
 * numbers (seconds, fractions) with the number of samples each rests on; a figure without samples is null. Hidden
 * (no figure, {@code error} says why) for a reader without Item/Read on every job that deployed the application,
 * as on the page.
 */
@ExportedBean(defaultVisibility = 2)
public final class JobKpis {
    private final HeadlineFigures figures;

    private JobKpis(HeadlineFigures figures) {
        this.figures = figures;
    }

    /**
     * The target's figures ending {@code now}, from where the plugin reads (its store, or the central server),
     * within the read patience.
     */
    static JobKpis of(KpiReads kpis, DeploymentTarget target, Instant now, Predicate<String> mayReadJob) {
        return new JobKpis(kpis.applicationFigures(target.application(), target.environment(), now, mayReadJob));
    }

    /** No figure, and why. */
    static JobKpis withoutFigures(String reason) {
        return new JobKpis(HeadlineFigures.without(reason));
    }

    /** Why there are no figures (store unusable, application hidden from this reader); null when there are. */
    @Exported
    public String getError() {
        return figures.error();
    }

    /** The window the figures cover, ending now (ISO-8601), null without figures. */
    @Exported
    public String getWindow() {
        return figures.hasFigures() ? KpiQuery.DEFAULT_WINDOW.toString() : null;
    }

    /** Successful deployments in the window: what the deployment frequency counts. */
    @Exported
    public Integer getDeployments() {
        return figures.deployments();
    }

    @Exported
    public Double getDeploymentsPerWeek() {
        return figures.deploymentsPerWeek();
    }

    /** Deployment attempts in the window: the sample of the change success rate. */
    @Exported
    public Integer getChangeAttempts() {
        return figures.changeAttempts();
    }

    /** A fraction from 0 to 1; null without attempts. */
    @Exported
    public Double getChangeSuccessRate() {
        return figures.changeSuccessRate();
    }

    /** Changes whose lead time was measured (those a successful deployment shipped). */
    @Exported
    public Integer getLeadTimeSamples() {
        return figures.leadTimeSamples();
    }

    @Exported
    public Double getLeadTimeMedianSeconds() {
        return figures.leadTimeMedianSeconds();
    }

    /** Failed deployments that were restored. */
    @Exported
    public Integer getTimeToRestoreSamples() {
        return figures.timeToRestoreSamples();
    }

    @Exported
    public Double getTimeToRestoreMedianSeconds() {
        return figures.timeToRestoreMedianSeconds();
    }
}
