package io.devopskpi.core.store;

import static io.devopskpi.core.testing.Scenario.change;
import static io.devopskpi.core.testing.Scenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Retention (reliability.md, "Retention"): what a purge deletes, what it keeps, and the KPIs before and after. */
class RetentionTest {
    private static final String NOW = "2028-03-01T00:00";

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void deletesDeploymentsFinishedAndIncidentsResolvedBeforeTheCutOffAndNothingElse(TestStores.Kind kind) {
        try (Scenario s = Scenario.on(kind).now(NOW)) {
            history(s);
            KpiService service = s.service();
            KpiReport oldBefore = report(service, "2026-01-01T00:00", "2026-03-01T00:00");
            KpiReport recentBefore = report(service, "2027-01-01T00:00", "2028-01-01T00:00");
            long eventsBefore = new EventReader(s.store()).countEvents();

            // P2Y before 2028-03-01 is 2026-03-01: old-ok (Jan 5) and old-fail (Feb 27) finished before it, with
            // old-ok's change and component; old-incident resolved Feb 27 12:00. open-incident is unresolved and
            // straddling resolved Mar 1 02:00, after the cut-off; the assignment is never deleted.
            Retention.Purged purged = new Retention(java.time.Period.ofYears(2)).purge(s.store(), s.now());

            assertThat(purged).isEqualTo(new Retention.Purged(t("2026-03-01T00:00"), 2, 1, 1, 1));
            EventReader reader = new EventReader(s.store());
            assertThat(reader.findDeployment("old-ok")).isEmpty();
            assertThat(reader.findDeployment("old-fail")).isEmpty();
            assertThat(reader.findDeployment("new-ok")).isPresent();
            assertThat(reader.findIncident("old-incident")).isEmpty();
            assertThat(reader.findIncident("open-incident")).isPresent();
            assertThat(reader.findIncident("straddling")).isPresent();
            assertThat(reader.countEvents()).isEqualTo(eventsBefore - 3);

            // Before: the old window had old-ok (1 SUCCESS, lead time c1 2 h) and old-fail; after: no data
            assertThat(oldBefore.deploymentFrequency().deployments()).isEqualTo(1);
            assertThat(oldBefore.leadTime().count()).isEqualTo(1);
            KpiReport oldAfter = report(s.service(), "2026-01-01T00:00", "2026-03-01T00:00");
            assertThat(oldAfter.deploymentFrequency().deployments()).isZero();
            assertThat(oldAfter.leadTime().count()).isZero();
            assertThat(oldAfter.changeFailureRate().total()).isZero();
            // straddling (resolved after the cut-off) is kept: of old-incident's and its detections only its own remains
            assertThat(oldBefore.timeToDetect().count()).isEqualTo(2);
            assertThat(oldAfter.timeToDetect().count()).isEqualTo(1);
            // A window after the cut-off looks at nothing that was deleted: every KPI is the same
            assertThat(report(s.service(), "2027-01-01T00:00", "2028-01-01T00:00")).isEqualTo(recentBefore);
            assertThat(recentBefore.deploymentFrequency().deployments()).isEqualTo(2);

            // A second purge at the same time finds nothing more
            assertThat(new Retention(java.time.Period.ofYears(2)).purge(s.store(), s.now()).total()).isZero();
        }
    }

    @Test
    void parsesIsoPeriodsAndRefusesOthersNamingTheValue() {
        assertThat(Retention.parse("P2Y").cutoff(t("2028-02-29T12:00"))).isEqualTo(t("2026-02-28T12:00"));
        assertThat(Retention.parse("P400D").cutoff(t("2028-03-01T00:00")))
                .isEqualTo(t("2028-03-01T00:00").atOffset(ZoneOffset.UTC).minusDays(400).toInstant());
        assertThatThrownBy(() -> Retention.parse("2y")).hasMessageContaining("'2y'");
        assertThatThrownBy(() -> Retention.parse("P0D")).hasMessageContaining("P0D");
        assertThatThrownBy(() -> Retention.parse("P-1Y")).hasMessageContaining("P-1Y");
    }

    private static void history(Scenario s) {
        s.assign("shop", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);
        s.deploy("old-ok", "shop", "2026-01-05T10:00", DeploymentResult.SUCCESS,
                b -> b.changes(List.of(change("c1", "2026-01-05T08:00")))
                        .components(List.of(new Component("lib", "1.0"))));
        s.failure("old-fail", "shop", "2026-02-27T10:00");
        s.incident("old-incident", "shop", "2026-02-27T10:30", "2026-02-27T10:40", "2026-02-27T12:00", "old-fail");
        s.incident("open-incident", "other", "2026-02-28T10:00", "2026-02-28T10:05", null, null);
        s.incident("straddling", "shop", "2026-02-28T20:00", "2026-02-28T20:10", "2026-03-01T02:00", null);
        s.success("new-ok", "shop", "2027-06-01T10:00", change("c2", "2027-06-01T08:00"));
        s.success("new-ok2", "shop", "2027-06-02T10:00", change("c3", "2027-06-02T07:00"));
        s.incident("new-incident", "shop", "2027-06-02T12:00", "2027-06-02T12:30", "2027-06-02T13:00", "new-ok2");
    }

    private static KpiReport report(KpiService service, String from, String to) {
        return service.report(new KpiQuery(Scope.supplier("acme"), Scenario.PRODUCTION, t(from), t(to),
                ZoneOffset.UTC));
    }
}
