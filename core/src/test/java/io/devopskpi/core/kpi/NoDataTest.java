package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** metrics.md: a value with no samples is null, never 0; deployment frequency is always defined. */
class NoDataTest {
    private static final String FROM = "2026-01-01T00:00";
    private static final String TO = "2026-01-31T00:00";

    private final Scenario s = Scenario.h2().now("2026-02-01T00:00");

    @AfterEach
    void closeStore() {
        s.close();
    }

    @Test
    void anApplicationWithoutAnyDataHasNullKpisAndNoAvailability() {
        KpiReport r = s.application("shop", FROM, TO);

        KpiReport.DeploymentFrequency f = r.deploymentFrequency();
        assertThat(f.deployments()).isZero();
        assertThat(f.perDay()).isEqualTo(0.0);
        assertThat(f.perWeek()).isEqualTo(0.0);
        assertThat(f.medianDeploymentDaysPerWeek()).isEqualTo(0.0);
        assertThat(f.medianDeploymentDaysPerMonth()).isEqualTo(0.0);
        assertThat(f.band()).isEqualTo(Band.LOW);

        assertThat(r.leadTime()).isEqualTo(new KpiReport.LeadTime(0, 0, null, null, null, null));
        assertThat(r.changeFailureRate()).isEqualTo(new KpiReport.ChangeFailureRate(0, 0, null, null, null));
        assertThat(r.changeSuccessRate()).isEqualTo(new KpiReport.ChangeSuccessRate(null, null));
        KpiReport.TimeToRestore ttr = r.timeToRestore();
        assertThat(ttr.count()).isZero();
        assertThat(ttr.open()).isZero();
        assertThat(ttr.medianSeconds()).isNull();
        assertThat(ttr.meanSeconds()).isNull();
        assertThat(ttr.p90Seconds()).isNull();
        assertThat(ttr.band()).isNull();
        assertThat(ttr.openFailures()).isEmpty();
        assertThat(r.timeToDetect()).isEqualTo(new KpiReport.TimeToDetect(0, null, null));
        assertThat(r.reworkRate()).isEqualTo(new KpiReport.ReworkRate(0, 0, null));

        assertThat(r.timeToResolve()).isEqualTo(KpiReport.TimeToResolve.NONE);

        // metrics.md: no stored event names shop, so its availability is "no data" (a typo never reads 100 %)
        assertThat(r.availability()).isEqualTo(new KpiReport.Availability(null, 0.0, 0, null));
    }

    @Test
    void anApplicationNamedByAnyEventAtAnyTimeIsFullyAvailableWithoutIncidents() {
        // a deployment long before the window names shop in production; an assignment names intranet in every
        // environment; billing is named only in staging
        s.aborted("old", "shop", "2025-06-01T10:00");
        s.assign("intranet", "acme", null, Responsibility.DELIVERY, "2025-01-01T00:00", null);
        s.event(Deployment.builder("b1").application("billing").environment("staging")
                .started(Scenario.t("2026-01-05T09:50")).finished(Scenario.t("2026-01-05T10:00"))
                .result(DeploymentResult.SUCCESS).build());

        // downtime 0 of the window → ratio 1 − 0 ÷ 30 days = 1.0, the application named as the worst
        for (String application : new String[] {"shop", "intranet"}) {
            assertThat(s.application(application, FROM, TO).availability()).as(application)
                    .isEqualTo(new KpiReport.Availability(1.0, 0.0, 1, application));
        }
        assertThat(s.application("billing", FROM, TO).availability())
                .isEqualTo(new KpiReport.Availability(null, 0.0, 0, null));
        assertThat(s.application("shpo", FROM, TO).availability().ratio()).isNull();
    }

    @Test
    void aTeamOrSupplierWithoutApplicationsHasNoAvailability() {
        for (Scope scope : new Scope[] {Scope.team("nobody"), Scope.supplier("nobody")}) {
            KpiReport r = s.report(scope, FROM, TO);
            assertThat(r.availability()).as(scope.toString())
                    .isEqualTo(new KpiReport.Availability(null, 0.0, 0, null));
            assertThat(r.deploymentFrequency().deployments()).isZero();
            assertThat(r.deploymentFrequency().band()).isEqualTo(Band.LOW);
            assertThat(r.changeFailureRate().rate()).isNull();
            assertThat(r.leadTime().medianSeconds()).isNull();
        }
    }

    @Test
    void everythingWithoutAnyStoredDataHasNoApplications() {
        // reading: the scope of everything is a several-application scope; with no stored data it has none
        KpiReport r = s.report(Scope.all(), FROM, TO);
        assertThat(r.availability()).isEqualTo(new KpiReport.Availability(null, 0.0, 0, null));
    }

    @Test
    void onlyAbortedAndUnstableRunsLeaveTheRatesUndefined() {
        s.aborted("a1", "shop", "2026-01-05T10:00");
        s.unstable("u1", "shop", "2026-01-06T10:00");

        KpiReport r = s.application("shop", FROM, TO);

        // ABORTED and UNSTABLE are not counted at all: denominator 0 → null, not 0 or 100 %
        assertThat(r.changeFailureRate()).isEqualTo(new KpiReport.ChangeFailureRate(0, 0, null, null, null));
        assertThat(r.changeSuccessRate()).isEqualTo(new KpiReport.ChangeSuccessRate(null, null));
        assertThat(r.deploymentFrequency().deployments()).isZero();
        assertThat(r.reworkRate()).isEqualTo(new KpiReport.ReworkRate(0, 0, null));
        assertThat(r.timeToRestore().count()).isZero();
        assertThat(r.timeToRestore().open()).isZero();
    }

    @Test
    void aWindowStartingAfterTheQueryTimeIsRefused() {
        assertThatThrownBy(() -> s.application("shop", "2026-02-01T00:00:01", "2026-03-01T00:00"))
                .isInstanceOf(InvalidQueryException.class);
    }
}
