package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.gate.GateStatus;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.KpiGateEvaluator;
import io.devopskpi.core.gate.OnBreach;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.metric.Threshold;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.query.SupplierKpis;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * metrics.md, "Each KPI has one responsibility", time to resolve and availability scopes, computed by hand, on H2
 * and PostgreSQL. The window is Jan 1 .. Feb 1 2026: 31 days = 2,678,400 s; the query time is Feb 10 00:00.
 *
 * <ul>
 * <li>shop: acme builds it (DELIVERY), opsco runs it (OPERATIONS).</li>
 * <li>billing: opsco builds it until Jan 16, acme from Jan 16 (a supplier change mid-window); acme runs it.</li>
 * <li>intranet: globex builds it; nobody is assigned to run it, so {@code unassigned} operates it.</li>
 * </ul>
 * So acme builds shop and runs billing, opsco runs shop and built billing, globex has no operations
 * responsibility and unassigned no delivery one.
 */
class ResponsibilityTest {
    private static final String FROM = "2026-01-01T00:00";
    private static final String TO = "2026-02-01T00:00";
    private static final double WINDOW = 2_678_400.0;

    private static KpiQuery query(Scope scope, String environment) {
        return new KpiQuery(scope, environment, Scenario.t(FROM), Scenario.t(TO), ZoneOffset.UTC);
    }

    private static Scenario scenario(TestStores.Kind kind) {
        Scenario s = Scenario.on(kind).now("2026-02-10T00:00");
        s.assign("shop", "acme", "web", Responsibility.DELIVERY, "2025-01-01T00:00", null)
                .assign("shop", "opsco", "run", Responsibility.OPERATIONS, "2025-01-01T00:00", null)
                .assign("billing", "opsco", "run", Responsibility.DELIVERY, "2025-01-01T00:00", "2026-01-16T00:00")
                .assign("billing", "acme", "web", Responsibility.DELIVERY, "2026-01-16T00:00", null)
                .assign("billing", "acme", "web", Responsibility.OPERATIONS, "2025-01-01T00:00", null)
                .assign("intranet", "globex", null, Responsibility.DELIVERY, "2025-01-01T00:00", null);
        // shop: s1 fails through opsco's INC-1 (named cause), which opsco resolves at 13:00, before s2
        s.success("s1", "shop", "2026-01-05T10:00")
                .incident("INC-1", "shop", "2026-01-05T11:00", "2026-01-05T11:10", "2026-01-05T13:00", "s1")
                .success("s2", "shop", "2026-01-06T10:00")
                // open, no cause; s2 finished 14 days before: outside the 24 h horizon, links nothing
                .incident("INC-2", "shop", "2026-01-20T08:00", "2026-01-20T08:30", null, null);
        // billing: b1 is opsco's (before the switch); b2 FAILURE and b3 are acme's
        s.success("b1", "billing", "2026-01-10T12:00")
                .failure("b2", "billing", "2026-01-20T12:00")
                .incident("INC-3", "billing", "2026-01-20T12:30", "2026-01-20T12:40", "2026-01-20T14:30", "b2")
                .success("b3", "billing", "2026-01-21T12:00");
        // intranet: no operations assignment; INC-4 links nothing (i1 is 10 days older)
        s.success("i1", "intranet", "2026-01-15T09:00")
                .incident("INC-4", "intranet", "2026-01-25T00:00", null, "2026-01-25T06:00", null);
        return s;
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void aSupplierThatBuildsOneApplicationAndRunsAnother(TestStores.Kind kind) {
        try (Scenario s = scenario(kind)) {
            KpiReport acme = s.report(Scope.supplier("acme"), FROM, TO);
            // DELIVERY: shop s1, s2 and billing b2 (FAILURE), b3 after the switch; b1 is opsco's.
            // SUCCESS: s1, s2, b3 = 3; attempts 4; failed s1 (named by INC-1) and b2 (FAILURE) → 2 of 4
            assertThat(acme.deploymentFrequency().deployments()).isEqualTo(3);
            assertThat(acme.changeFailureRate().failed()).isEqualTo(2);
            assertThat(acme.changeFailureRate().total()).isEqualTo(4);
            assertThat(acme.changeSuccessRate().rate()).isEqualTo(0.5);
            // time to restore is the delivery side's, whoever resolved the incident:
            // s1: start 11:00 (INC-1), restore min(s2 Jan 6 10:00, INC-1 resolved 13:00) = 13:00 → 7,200
            // b2: start 12:30 (INC-3), restore min(b3 Jan 21 12:00, INC-3 resolved 14:30) = 14:30 → 7,200
            assertThat(acme.timeToRestore().count()).isEqualTo(2);
            assertThat(acme.timeToRestore().meanSeconds()).isCloseTo(7_200.0, within(1e-9));
            assertThat(acme.timeToRestore().open()).isZero();
            // OPERATIONS: only billing's incident INC-3 (shop's are opsco's): detect 600, resolve 7,200
            assertThat(acme.timeToDetect().count()).isEqualTo(1);
            assertThat(acme.timeToDetect().meanSeconds()).isCloseTo(600.0, within(1e-9));
            assertThat(acme.timeToResolve().count()).isEqualTo(1);
            assertThat(acme.timeToResolve().meanSeconds()).isCloseTo(7_200.0, within(1e-9));
            // availability over what acme operated: billing only, 2 h down → 1 − 7,200 ÷ 2,678,400
            assertThat(acme.availability().applications()).isEqualTo(1);
            assertThat(acme.availability().worstApplication()).isEqualTo("billing");
            assertThat(acme.availability().downtimeSeconds()).isCloseTo(7_200.0, within(1e-9));
            assertThat(acme.availability().ratio()).isCloseTo(1 - 7_200.0 / WINDOW, within(1e-12));

            KpiReport opsco = s.report(Scope.supplier("opsco"), FROM, TO);
            // DELIVERY: b1 only (before the switch), not failed (b2 is NORMAL) → 0 of 1; no restore of its own
            assertThat(opsco.deploymentFrequency().deployments()).isEqualTo(1);
            assertThat(opsco.changeFailureRate().failed()).isZero();
            assertThat(opsco.changeSuccessRate().rate()).isEqualTo(1.0);
            assertThat(opsco.timeToRestore().count()).isZero();
            // OPERATIONS (shop): detect INC-1 600, INC-2 1,800 → mean 1,200; resolve INC-1 7,200, INC-2 open
            assertThat(opsco.timeToDetect().meanSeconds()).isCloseTo(1_200.0, within(1e-9));
            KpiReport.TimeToResolve resolve = opsco.timeToResolve();
            assertThat(resolve.count()).isEqualTo(1);
            assertThat(resolve.meanSeconds()).isCloseTo(7_200.0, within(1e-9));
            assertThat(resolve.open()).isEqualTo(1);
            // open INC-2: age Feb 10 00:00 − Jan 20 08:00 = 20 d 16 h = 1,785,600 s
            assertThat(resolve.openIncidents()).containsExactly(new KpiReport.OpenIncident("INC-2", "shop",
                    Scenario.t("2026-01-20T08:00"), 1_785_600.0));
            // shop down [Jan 5 11:00, 13:00) = 7,200 and [Jan 20 08:00, Feb 1) = 11 d 16 h = 1,008,000 → 1,015,200
            assertThat(opsco.availability().downtimeSeconds()).isCloseTo(1_015_200.0, within(1e-9));
            assertThat(opsco.availability().ratio()).isCloseTo(1 - 1_015_200.0 / WINDOW, within(1e-12));
            assertThat(opsco.availability().worstApplication()).isEqualTo("shop");
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void aSupplierWithoutOperationsHasNoOperationsFiguresAndUnassignedRunsWhatNobodyRuns(TestStores.Kind kind) {
        try (Scenario s = scenario(kind)) {
            KpiReport globex = s.report(Scope.supplier("globex"), FROM, TO);
            assertThat(globex.deploymentFrequency().deployments()).isEqualTo(1);
            // globex builds intranet only: no incident and no availability is its, never 100 %
            assertThat(globex.availability()).isEqualTo(new KpiReport.Availability(null, 0.0, 0, null));
            assertThat(globex.timeToDetect().count()).isZero();
            assertThat(globex.timeToResolve()).isEqualTo(KpiReport.TimeToResolve.NONE);

            KpiReport unassigned = s.report(Scope.supplier("unassigned"), FROM, TO);
            // every deployment has a delivery assignment: nothing delivered
            assertThat(unassigned.deploymentFrequency().deployments()).isZero();
            assertThat(unassigned.changeFailureRate().rate()).isNull();
            // intranet has no operations assignment: unassigned operated it; INC-4 6 h → 21,600 s
            assertThat(unassigned.availability().applications()).isEqualTo(1);
            assertThat(unassigned.availability().worstApplication()).isEqualTo("intranet");
            assertThat(unassigned.availability().ratio()).isCloseTo(1 - 21_600.0 / WINDOW, within(1e-12));
            assertThat(unassigned.timeToResolve().meanSeconds()).isCloseTo(21_600.0, within(1e-9));
            // the same for team unassigned (intranet's assignment names no team)
            KpiReport noTeam = s.report(Scope.team("unassigned"), FROM, TO);
            assertThat(noTeam.availability().applications()).isEqualTo(1);
            assertThat(noTeam.deploymentFrequency().deployments()).isEqualTo(1);

            // every supplier with a responsibility is listed, with the responsibilities it held
            List<KpiFigures> suppliers = new SupplierKpis(s.store(), s.service())
                    .reports(query(Scope.all(), Scenario.PRODUCTION));
            assertThat(suppliers).extracting(f -> f.report().query().scope().name() + " " + f.responsibilities())
                    .containsExactly("acme [DELIVERY, OPERATIONS]", "globex [DELIVERY]",
                            "opsco [DELIVERY, OPERATIONS]", "unassigned [OPERATIONS]");
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void everythingAveragesEveryApplicationAndResolvesEveryIncident(TestStores.Kind kind) {
        try (Scenario s = scenario(kind)) {
            KpiReport all = s.report(Scope.all(), FROM, TO);
            // shop 1,015,200, billing 7,200, intranet 21,600 s down: (3 × L − 1,044,000) ÷ (3 × L)
            assertThat(all.availability().applications()).isEqualTo(3);
            assertThat(all.availability().downtimeSeconds()).isCloseTo(1_044_000.0, within(1e-9));
            assertThat(all.availability().ratio()).isCloseTo(1 - 1_044_000.0 / (3 * WINDOW), within(1e-12));
            assertThat(all.availability().worstApplication()).isEqualTo("shop");
            // resolved 7,200, 7,200, 21,600: mean 12,000, median 7,200, p90 rank 1.8 → 7,200 + 0.8 × 14,400
            KpiReport.TimeToResolve resolve = all.timeToResolve();
            assertThat(resolve.count()).isEqualTo(3);
            assertThat(resolve.meanSeconds()).isCloseTo(12_000.0, within(1e-9));
            assertThat(resolve.medianSeconds()).isCloseTo(7_200.0, within(1e-9));
            assertThat(resolve.p90Seconds()).isCloseTo(18_720.0, within(1e-9));
            assertThat(resolve.open()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void anApplicationNoEventNamesHasNoDataAndItsGateLacksData(TestStores.Kind kind) {
        try (Scenario s = scenario(kind)) {
            // "shpo" is a typo: null, not 100 %
            KpiReport typo = s.application("shpo", FROM, TO);
            assertThat(typo.availability()).isEqualTo(new KpiReport.Availability(null, 0.0, 0, null));
            KpiGate gate = new KpiGate(query(Scope.application("shpo"), Scenario.PRODUCTION),
                    List.of(new Threshold(GateMetric.AVAILABILITY, Operator.AT_LEAST, 0.999)), 0, true,
                    OnBreach.FAILURE);
            GateVerdict verdict = new KpiGateEvaluator(s.service()).evaluate(gate);
            assertThat(verdict.status()).isEqualTo(GateStatus.INSUFFICIENT_DATA);
            // failOnInsufficientData: the gate fails the build, saying why
            assertThat(verdict.breached()).isTrue();
            assertThat(verdict.results().get(0).message())
                    .contains("no events recorded for application 'shpo' in production");
            // an assignment names an application in every environment: billing in staging is up, not unknown
            KpiReport staging = s.service().report(query(Scope.application("billing"), "staging"));
            assertThat(staging.availability().ratio()).isEqualTo(1.0);
        }
    }
}
