package io.jenkins.plugins.devopskpi.ui;

import io.devopskpi.core.api.ApplicationAccess;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.store.StoreException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
    private final String error;
    private final KpiReport report;

    private JobKpis(String error, KpiReport report) {
        this.error = error;
        this.report = report;
    }

    /** The target's figures ending {@code now}, asked within the store's read patience. */
    static JobKpis of(EmbeddedKpis kpis, DeploymentTarget target, Instant now, Predicate<String> mayReadJob) {
        try {
            List<String> pipelines = kpis.read(() -> kpis.events().pipelines(target.application()));
            // on the caller's thread: Jenkins keeps the reader in a thread-local
            if (!new ApplicationAccess(name -> pipelines, mayReadJob).mayReadApplication(target.application())) {
                return withoutFigures("hidden: you may not read every pipeline that deployed "
                        + target.application());
            }
            KpiQuery query = KpiQuery.ending(Scope.application(target.application()), target.environment(), now,
                    KpiQuery.DEFAULT_WINDOW, ZoneOffset.UTC);
            return new JobKpis(null, kpis.read(() -> kpis.kpis().report(query)));
        } catch (StoreException e) {
            return withoutFigures("KPIs are not available: " + e.getMessage());
        }
    }

    /** No figure, and why. */
    static JobKpis withoutFigures(String reason) {
        return new JobKpis(reason, null);
    }

    /** Why there are no figures (store unusable, application hidden from this reader); null when there are. */
    @Exported
    public String getError() {
        return error;
    }

    /** The window the figures cover, ending now (ISO-8601), null without figures. */
    @Exported
    public String getWindow() {
        return report == null ? null : KpiQuery.DEFAULT_WINDOW.toString();
    }

    /** Successful deployments in the window: what the deployment frequency counts. */
    @Exported
    public Integer getDeployments() {
        return report == null ? null : report.deploymentFrequency().deployments();
    }

    @Exported
    public Double getDeploymentsPerWeek() {
        return report == null ? null : report.deploymentFrequency().perWeek();
    }

    /** Deployment attempts in the window: the sample of the change success rate. */
    @Exported
    public Integer getChangeAttempts() {
        return report == null ? null : report.changeFailureRate().total();
    }

    /** A fraction from 0 to 1; null without attempts. */
    @Exported
    public Double getChangeSuccessRate() {
        return report == null ? null : report.changeSuccessRate().rate();
    }

    /** Changes whose lead time was measured (those a successful deployment shipped). */
    @Exported
    public Integer getLeadTimeSamples() {
        return report == null ? null : report.leadTime().count();
    }

    @Exported
    public Double getLeadTimeMedianSeconds() {
        return report == null ? null : report.leadTime().medianSeconds();
    }

    /** Failed deployments that were restored. */
    @Exported
    public Integer getTimeToRestoreSamples() {
        return report == null ? null : report.timeToRestore().count();
    }

    @Exported
    public Double getTimeToRestoreMedianSeconds() {
        return report == null ? null : report.timeToRestore().medianSeconds();
    }
}
