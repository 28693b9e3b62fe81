package io.devopskpi.core.kpi;

import static io.devopskpi.core.testing.Scenario.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * metrics.md "Attribution to teams and suppliers". The window Jan 1 .. Feb 1 2026 is 31 days = 2,678,400 s.
 * Reading used for availability: within a team or supplier scope, an application's downtime is the union of
 * the incidents that belong to that scope by OPERATIONS attribution (overrides included).
 */
class AttributionTest {
    private static final String FROM = "2026-01-01T00:00";
    private static final String TO = "2026-02-01T00:00";
    private static final double WINDOW = 2_678_400.0;

    private final Scenario s = Scenario.h2().now("2026-02-10T00:00");

    @AfterEach
    void closeStore() {
        s.close();
    }

    private KpiReport supplier(String name) {
        return s.report(Scope.supplier(name), FROM, TO);
    }

    private KpiReport team(String name) {
        return s.report(Scope.team(name), FROM, TO);
    }

    @Test
    void aSupplierChangeInTheMiddleOfTheWindowSplitsTheDeployments() {
        s.assign("shop", "acme", "web", Responsibility.DELIVERY, "2025-01-01T00:00", "2026-01-15T00:00");
        s.assign("shop", "globex", "web", Responsibility.DELIVERY, "2026-01-15T00:00", null);
        s.assign("shop", "opsco", "run", Responsibility.OPERATIONS, "2025-01-01T00:00", null);
        s.success("s1", "shop", "2026-01-05T10:00", change("c0", "2026-01-05T09:00")); // acme, 3,600
        s.failure("f2", "shop", "2026-01-10T10:00");                                    // acme
        s.success("s5", "shop", "2026-01-15T00:00");   // exactly at the change: globex ([from, to))
        s.success("s3", "shop", "2026-01-16T10:00", change("c1", "2026-01-14T10:00")); // globex, 172,800
        s.success("s4", "shop", "2026-01-20T10:00");                                    // globex

        KpiReport acme = supplier("acme");
        assertThat(acme.deploymentFrequency().deployments()).isEqualTo(1);
        // f2 failed of (s1, f2) = 1/2
        assertThat(acme.changeFailureRate().failed()).isEqualTo(1);
        assertThat(acme.changeFailureRate().total()).isEqualTo(2);
        assertThat(acme.leadTime().count()).isEqualTo(1);
        assertThat(acme.leadTime().medianSeconds()).isCloseTo(3_600.0, within(1e-9));
        // f2 restored by globex's s5: Jan 10 10:00 → Jan 15 00:00 = 110 h = 396,000, still acme's (no incident)
        assertThat(acme.timeToRestore().count()).isEqualTo(1);
        assertThat(acme.timeToRestore().medianSeconds()).isCloseTo(396_000.0, within(1e-9));

        KpiReport globex = supplier("globex");
        assertThat(globex.deploymentFrequency().deployments()).isEqualTo(3);
        // measured over the whole window: 3 / 31 days
        assertThat(globex.deploymentFrequency().perDay()).isCloseTo(3.0 / 31.0, within(1e-9));
        assertThat(globex.changeFailureRate().failed()).isZero();
        assertThat(globex.changeFailureRate().total()).isEqualTo(3);
        assertThat(globex.leadTime().count()).isEqualTo(1);
        assertThat(globex.leadTime().medianSeconds()).isCloseTo(172_800.0, within(1e-9));
        assertThat(globex.timeToRestore().count()).isZero();
        assertThat(globex.timeToRestore().medianSeconds()).isNull();

        KpiReport web = team("web");
        assertThat(web.deploymentFrequency().deployments()).isEqualTo(4);
        assertThat(web.changeFailureRate().total()).isEqualTo(5);
        assertThat(web.changeFailureRate().failed()).isEqualTo(1);

        KpiReport opsco = supplier("opsco");
        assertThat(opsco.deploymentFrequency().deployments()).isZero();
        assertThat(opsco.changeFailureRate().rate()).isNull();
    }

    @Test
    void deliveryAndOperationsSuppliersSplitTheKpis() {
        s.assign("shop", "acme", "dev", Responsibility.DELIVERY, "2025-01-01T00:00", null);
        s.assign("shop", "opsco", "run", Responsibility.OPERATIONS, "2025-01-01T00:00", null);
        s.success("s1", "shop", "2026-01-05T10:00");
        s.incident("i1", "shop", "2026-01-05T11:00", "2026-01-05T11:10", "2026-01-05T12:00", "s1");
        s.success("s2", "shop", "2026-01-06T10:00");

        for (KpiReport delivery : new KpiReport[] {supplier("acme"), team("dev")}) {
            assertThat(delivery.deploymentFrequency().deployments()).isEqualTo(2);
            assertThat(delivery.changeFailureRate().failed()).isEqualTo(1);
            assertThat(delivery.changeFailureRate().total()).isEqualTo(2);
            assertThat(delivery.reworkRate()).isEqualTo(new KpiReport.ReworkRate(0, 2, 0.0));
            // metrics.md: the restore belongs with the failed change, to its delivery side:
            // start 11:00 (i1), restore min(s2 Jan 6 10:00, resolved 12:00) = 12:00 → 3,600
            assertThat(delivery.timeToRestore().count()).isEqualTo(1);
            assertThat(delivery.timeToRestore().medianSeconds()).isCloseTo(3_600.0, within(1e-9));
            assertThat(delivery.timeToDetect().count()).isZero();
            assertThat(delivery.timeToResolve().count()).isZero();
            // acme only builds shop: it operated nothing, so its availability is "no data", never 100 %
            assertThat(delivery.availability()).isEqualTo(new KpiReport.Availability(null, 0.0, 0, null));
        }
        for (KpiReport operations : new KpiReport[] {supplier("opsco"), team("run")}) {
            assertThat(operations.deploymentFrequency().deployments()).isZero();
            assertThat(operations.changeFailureRate().rate()).isNull();
            assertThat(operations.reworkRate().rate()).isNull();
            // the restore of s1 is acme's; opsco's own figure is time to resolve: 12:00 − 11:00 = 3,600
            assertThat(operations.timeToRestore().count()).isZero();
            assertThat(operations.timeToResolve().count()).isEqualTo(1);
            assertThat(operations.timeToResolve().meanSeconds()).isCloseTo(3_600.0, within(1e-9));
            // detected 11:10 − 11:00 = 600
            assertThat(operations.timeToDetect().count()).isEqualTo(1);
            assertThat(operations.timeToDetect().meanSeconds()).isCloseTo(600.0, within(1e-9));
            // 1 h down: 1 − 3,600/2,678,400
            assertThat(operations.availability().downtimeSeconds()).isCloseTo(3_600.0, within(1e-9));
            assertThat(operations.availability().ratio()).isCloseTo(1 - 3_600.0 / WINDOW, within(1e-9));
            assertThat(operations.availability().applications()).isEqualTo(1);
            assertThat(operations.availability().worstApplication()).isEqualTo("shop");
        }
    }

    @Test
    void explicitOverridesReplaceTheAssignmentFieldByField() {
        s.assign("shop", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);
        s.success("s1", "shop", "2026-01-05T10:00");
        // names s1 (rule 2), operated by "firefighters" (team still "web" from the assignment)
        s.incident("i1", "shop", "2026-01-05T11:00", "2026-01-05T11:20", "2026-01-05T13:00", "s1", null,
                "firefighters");
        // no cause: rule 3 links s1 too, but starts later; acme's
        s.incident("i2", "shop", "2026-01-05T11:30", "2026-01-05T11:40", "2026-01-05T12:00", null);
        s.success("s2", "shop", "2026-01-05T15:00");
        // delivered by "contractor" (team "web" from the assignment)
        s.deploy("s3", "shop", "2026-01-20T10:00", DeploymentResult.SUCCESS, b -> b.supplier("contractor"));

        // restore of s1: start 11:00 (i1), min(s2 15:00, i1 resolved 13:00) = 13:00 → 7,200, to s1's delivery
        // side (acme, web), not to firefighters, who resolved i1: theirs is time to resolve, 13:00 − 11:00 = 7,200
        KpiReport firefighters = supplier("firefighters");
        assertThat(firefighters.timeToRestore().count()).isZero();
        assertThat(firefighters.timeToResolve().count()).isEqualTo(1);
        assertThat(firefighters.timeToResolve().medianSeconds()).isCloseTo(7_200.0, within(1e-9));
        assertThat(firefighters.deploymentFrequency().deployments()).isZero();
        assertThat(firefighters.changeFailureRate().rate()).isNull();
        assertThat(firefighters.timeToDetect().count()).isEqualTo(1);
        assertThat(firefighters.timeToDetect().meanSeconds()).isCloseTo(1_200.0, within(1e-9));
        // shop is the firefighters' application through i1: [11:00, 13:00) = 7,200
        assertThat(firefighters.availability().applications()).isEqualTo(1);
        assertThat(firefighters.availability().downtimeSeconds()).isCloseTo(7_200.0, within(1e-9));

        KpiReport acme = supplier("acme");
        // s1, s2 (s3 is the contractor's); s1 failed
        assertThat(acme.deploymentFrequency().deployments()).isEqualTo(2);
        assertThat(acme.changeFailureRate().failed()).isEqualTo(1);
        assertThat(acme.changeFailureRate().total()).isEqualTo(2);
        assertThat(acme.timeToRestore().count()).isEqualTo(1);
        assertThat(acme.timeToRestore().medianSeconds()).isCloseTo(7_200.0, within(1e-9));
        // i2 resolved 12:00 − 11:30 = 1,800
        assertThat(acme.timeToResolve().count()).isEqualTo(1);
        assertThat(acme.timeToResolve().meanSeconds()).isCloseTo(1_800.0, within(1e-9));
        // i2: 600
        assertThat(acme.timeToDetect().count()).isEqualTo(1);
        assertThat(acme.timeToDetect().meanSeconds()).isCloseTo(600.0, within(1e-9));
        // only i2 is acme's: [11:30, 12:00) = 1,800
        assertThat(acme.availability().downtimeSeconds()).isCloseTo(1_800.0, within(1e-9));
        assertThat(acme.availability().ratio()).isCloseTo(1 - 1_800.0 / WINDOW, within(1e-9));

        KpiReport contractor = supplier("contractor");
        assertThat(contractor.deploymentFrequency().deployments()).isEqualTo(1);
        assertThat(contractor.changeFailureRate().total()).isEqualTo(1);

        KpiReport web = team("web");
        // team from the assignment everywhere: 3 deployments, both incidents, the restore
        assertThat(web.deploymentFrequency().deployments()).isEqualTo(3);
        assertThat(web.timeToRestore().count()).isEqualTo(1);
        assertThat(web.timeToRestore().medianSeconds()).isCloseTo(7_200.0, within(1e-9));
        // (1200 + 600)/2 = 900
        assertThat(web.timeToDetect().count()).isEqualTo(2);
        assertThat(web.timeToDetect().meanSeconds()).isCloseTo(900.0, within(1e-9));
        // union [11:00, 13:00) ∪ [11:30, 12:00) = 7,200
        assertThat(web.availability().downtimeSeconds()).isCloseTo(7_200.0, within(1e-9));
    }

    @Test
    void withoutAnAssignmentEverythingIsUnassigned() {
        s.success("o1", "orphan", "2026-01-05T10:00");
        s.incident("oi", "orphan", "2026-01-06T10:00", null, "2026-01-06T11:00", null);
        s.assign("noteam", "acme", null, Responsibility.BOTH, "2025-01-01T00:00", null);
        s.success("n1", "noteam", "2026-01-07T10:00");

        KpiReport unassignedSupplier = supplier("unassigned");
        assertThat(unassignedSupplier.deploymentFrequency().deployments()).isEqualTo(1);
        assertThat(unassignedSupplier.availability().applications()).isEqualTo(1);
        assertThat(unassignedSupplier.availability().worstApplication()).isEqualTo("orphan");
        assertThat(unassignedSupplier.availability().downtimeSeconds()).isCloseTo(3_600.0, within(1e-9));

        // team "unassigned": orphan (no assignment) and noteam (an assignment without team)
        KpiReport unassignedTeam = team("unassigned");
        assertThat(unassignedTeam.deploymentFrequency().deployments()).isEqualTo(2);
        assertThat(unassignedTeam.availability().applications()).isEqualTo(2);
        // mean of [1 − 3,600/W, 1] = 1 − 1,800/W; worst orphan
        assertThat(unassignedTeam.availability().ratio()).isCloseTo(1 - 1_800.0 / WINDOW, within(1e-9));
        assertThat(unassignedTeam.availability().worstApplication()).isEqualTo("orphan");

        KpiReport acme = supplier("acme");
        assertThat(acme.deploymentFrequency().deployments()).isEqualTo(1);
        assertThat(acme.availability().applications()).isEqualTo(1);
        assertThat(acme.availability().worstApplication()).isEqualTo("noteam");
    }

    @Test
    void incidentsAreAttributedAtTheirStartAcrossAnOperationsHandover() {
        s.assign("shop", "acme", "web", Responsibility.DELIVERY, "2025-01-01T00:00", null);
        s.assign("shop", "opsold", "run", Responsibility.OPERATIONS, "2025-01-01T00:00", "2026-01-15T00:00");
        s.assign("shop", "opsnew", "run", Responsibility.OPERATIONS, "2026-01-15T00:00", null);
        // starts under opsold, resolved under opsnew: wholly opsold's
        s.incident("i1", "shop", "2026-01-14T22:00", "2026-01-14T22:30", "2026-01-15T02:00", null);
        s.incident("i2", "shop", "2026-01-20T10:00", "2026-01-20T10:05", "2026-01-20T11:00", null);

        KpiReport old = supplier("opsold");
        assertThat(old.timeToDetect().count()).isEqualTo(1);
        assertThat(old.timeToDetect().meanSeconds()).isCloseTo(1_800.0, within(1e-9));
        // 4 h = 14,400 over the whole window
        assertThat(old.availability().downtimeSeconds()).isCloseTo(14_400.0, within(1e-9));
        assertThat(old.availability().ratio()).isCloseTo(1 - 14_400.0 / WINDOW, within(1e-9));

        KpiReport fresh = supplier("opsnew");
        assertThat(fresh.timeToDetect().count()).isEqualTo(1);
        assertThat(fresh.timeToDetect().meanSeconds()).isCloseTo(300.0, within(1e-9));
        assertThat(fresh.availability().downtimeSeconds()).isCloseTo(3_600.0, within(1e-9));

        // team "run" covers both
        KpiReport run = team("run");
        assertThat(run.timeToDetect().count()).isEqualTo(2);
        assertThat(run.availability().downtimeSeconds()).isCloseTo(18_000.0, within(1e-9));
    }

    @Test
    void theOpenFailuresOfATeamAreOrderedByFailureStartThenDeploymentAcrossApplications() {
        s.assign("a", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);
        s.assign("b", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);
        s.failure("a1", "a", "2026-01-20T10:00");
        s.failure("b1", "b", "2026-01-18T10:00");
        s.failure("y1", "a", "2026-01-25T10:00");
        s.failure("x1", "b", "2026-01-25T10:00");

        KpiReport.TimeToRestore ttr = team("web").timeToRestore();

        // ages at Feb 10 00:00: b1 22 d 14 h = 1,951,200; a1 20 d 14 h = 1,778,400; x1, y1 15 d 14 h = 1,346,400
        assertThat(ttr.open()).isEqualTo(4);
        assertThat(ttr.openFailures()).containsExactly(
                new KpiReport.OpenFailure("b1", "b", Scenario.t("2026-01-18T10:00"), 1_951_200.0),
                new KpiReport.OpenFailure("a1", "a", Scenario.t("2026-01-20T10:00"), 1_778_400.0),
                new KpiReport.OpenFailure("x1", "b", Scenario.t("2026-01-25T10:00"), 1_346_400.0),
                new KpiReport.OpenFailure("y1", "a", Scenario.t("2026-01-25T10:00"), 1_346_400.0));
    }

    @Test
    void aChangeFirstDeployedByTheOldSupplierGivesTheNewOneNoSample() {
        s.assign("shop", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", "2026-01-15T00:00");
        s.assign("shop", "globex", "web", Responsibility.BOTH, "2026-01-15T00:00", null);
        s.success("s1", "shop", "2026-01-14T12:00", change("c1", "2026-01-14T10:00"));  // acme: 7,200
        s.success("s2", "shop", "2026-01-16T12:00",
                change("c1", "2026-01-14T10:00"), change("c2", "2026-01-16T11:00"));    // globex: c2 3,600

        KpiReport.LeadTime acme = supplier("acme").leadTime();
        assertThat(acme.count()).isEqualTo(1);
        assertThat(acme.medianSeconds()).isCloseTo(7_200.0, within(1e-9));
        KpiReport.LeadTime globex = supplier("globex").leadTime();
        assertThat(globex.count()).isEqualTo(1);
        assertThat(globex.medianSeconds()).isCloseTo(3_600.0, within(1e-9));
    }
}
