package io.devopskpi.core.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scorecards over {@link GovernanceScenario}, on H2 and PostgreSQL. */
class ScorecardTest {
    private static Scorecard.Line line(Scorecard card, GateMetric metric) {
        return card.kpis().stream().filter(l -> l.metric() == metric).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void aSupplierSwitchInTheQuarterSplitsDeliveryAtTheSwitch(TestStores.Kind kind) {
        try (Scenario s = GovernanceScenario.build(kind)) {
            ScorecardService service = GovernanceScenario.scorecards(s);
            Scorecard acme = service.scorecard("acme", GovernanceScenario.quarter("2026-Q1"), "production",
                    ZoneOffset.UTC);
            // acme delivered s1, s3 and b1 (SUCCESS) before the switch; s4 and s5 are globex's, b2 too (override)
            assertThat(acme.delivery().report().deploymentFrequency().deployments()).isEqualTo(3);
            assertThat(acme.delivery().report().changeFailureRate().total()).isEqualTo(4);
            assertThat(acme.responsibilities()).extracting(a -> a.application() + "/" + a.responsibility())
                    .containsExactly("billing/BOTH", "shop/DELIVERY");
            Scorecard globex = service.scorecard("globex", GovernanceScenario.quarter("2026-Q1"), "production",
                    ZoneOffset.UTC);
            // s4, s5 by assignment; b2 by its explicit supplier: 3 attempts, s4 failed (INC-1 names it) → 1/3
            assertThat(globex.delivery().report().changeFailureRate().failed()).isEqualTo(1);
            assertThat(globex.delivery().report().changeFailureRate().total()).isEqualTo(3);
            // the override puts billing on globex's card although no assignment gives it billing
            assertThat(globex.applications()).extracting(p -> p.application() + "/" + p.responsibility())
                    .containsExactly("billing/null", "shop/DELIVERY");
            KpiFigures billing = globex.applications().get(0).figures();
            assertThat(billing.report().deploymentFrequency().deployments()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void deliveryAndOperationsBelongToDifferentSuppliers(TestStores.Kind kind) {
        try (Scenario s = GovernanceScenario.build(kind)) {
            Scorecard northwind = GovernanceScenario.scorecards(s).scorecard("northwind",
                    GovernanceScenario.quarter("2026-Q1"), "production", ZoneOffset.UTC);
            // northwind built nothing ...
            assertThat(northwind.delivery().report().changeFailureRate().total()).isZero();
            // ... and ran shop: INC-1 resolved after 2 h, detected after 30 min. Restoring s4 (start 00:00, INC-1
            // resolved 02:00 before s5) is globex's time to restore, not northwind's (metrics.md, attribution).
            assertThat(northwind.operations().report().timeToResolve().meanSeconds()).isEqualTo(7_200.0);
            assertThat(northwind.operations().report().timeToRestore().count()).isZero();
            assertThat(northwind.operations().report().timeToDetect().meanSeconds()).isEqualTo(1_800.0);
            assertThat(northwind.delivery()).isEqualTo(northwind.operations());
            assertThat(northwind.delivery().responsibilities()).containsExactly(Responsibility.OPERATIONS);
            Scorecard globex = GovernanceScenario.scorecards(s).scorecard("globex",
                    GovernanceScenario.quarter("2026-Q1"), "production", ZoneOffset.UTC);
            assertThat(globex.delivery().report().timeToRestore().meanSeconds()).isEqualTo(7_200.0);
            // globex ran nothing: its availability is "no data", never 100 %
            assertThat(globex.operations().report().availability().ratio()).isNull();
            assertThat(globex.delivery().responsibilities()).containsExactly(Responsibility.DELIVERY);
            // availability of shop: 1 − 7,200 ÷ 7,776,000
            assertThat(northwind.operations().report().availability().ratio())
                    .isEqualTo(1 - 7_200.0 / 7_776_000);
            assertThat(northwind.applications()).extracting(Scorecard.ApplicationPart::responsibility)
                    .containsExactly(Responsibility.OPERATIONS);
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void contractVerdictsAtTheBoundaryWithTooFewSamplesAndAfterARenegotiation(TestStores.Kind kind) {
        try (Scenario s = GovernanceScenario.build(kind)) {
            ScorecardService service = GovernanceScenario.scorecards(s);
            Scorecard q1 = service.scorecard("acme", GovernanceScenario.quarter("2026-Q1"), "production",
                    ZoneOffset.UTC);
            // success rate 3 ÷ 4 = 0.75 exactly at ">= 0.75" over 4 ≥ 4 samples: MET
            Scorecard.Line success = line(q1, GateMetric.CHANGE_SUCCESS_RATE);
            assertThat(success.value().value()).isEqualTo(0.75);
            assertThat(success.value().samples()).isEqualTo(4);
            assertThat(success.verdict()).isEqualTo(ContractVerdict.MET);
            // the target in force on Jan 1 (≤ 1 d) judges Q1, although ≤ 12 h replaced it on Feb 10:
            // s2 restored after exactly 86,400 s → MET at the boundary
            Scorecard.Line restore = line(q1, GateMetric.TIME_TO_RESTORE_MEAN);
            assertThat(restore.target().value()).isEqualTo(86_400);
            assertThat(restore.value().value()).isEqualTo(86_400.0);
            assertThat(restore.verdict()).isEqualTo(ContractVerdict.MET);
            // 4.5 from 6 respondents < the minimum of 10: NOT_ENOUGH_DATA, not MISSED and not MET
            Scorecard.Line satisfaction = line(q1, GateMetric.STAKEHOLDER_SATISFACTION);
            assertThat(satisfaction.value().value()).isEqualTo(4.5);
            assertThat(satisfaction.value().samples()).isEqualTo(6);
            assertThat(satisfaction.verdict()).isEqualTo(ContractVerdict.NOT_ENOUGH_DATA);
            // no target on deployments per week: listed all the same
            assertThat(line(q1, GateMetric.DEPLOYMENTS_PER_WEEK).verdict()).isEqualTo(ContractVerdict.NO_TARGET);

            Scorecard q2 = service.scorecard("acme", GovernanceScenario.quarter("2026-Q2"), "production",
                    ZoneOffset.UTC);
            // Q2 starts under the renegotiated ≤ 12 h: b3 (Apr 10) restored by b4 a day later → 86,400 s MISSED
            Scorecard.Line restoreQ2 = line(q2, GateMetric.TIME_TO_RESTORE_MEAN);
            assertThat(restoreQ2.target().value()).isEqualTo(43_200);
            assertThat(restoreQ2.verdict()).isEqualTo(ContractVerdict.MISSED);
            // 1 of 2 attempts succeeded: 0.5 would miss 0.75, but 2 < 4 samples → NOT_ENOUGH_DATA
            assertThat(line(q2, GateMetric.CHANGE_SUCCESS_RATE).verdict()).isEqualTo(ContractVerdict.NOT_ENOUGH_DATA);
            // previous is Q1, and the trend ends with Q2
            assertThat(restoreQ2.previous().value()).isEqualTo(86_400.0);
            assertThat(restoreQ2.trend()).extracting(p -> p.period().label())
                    .containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2");
            assertThat(restoreQ2.change()).isEqualTo(0.0);
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void anUnassignedApplicationHasItsOwnCard(TestStores.Kind kind) {
        try (Scenario s = GovernanceScenario.build(kind)) {
            Scorecard unassigned = GovernanceScenario.scorecards(s).scorecard("unassigned",
                    GovernanceScenario.quarter("2026-Q1"), "production", ZoneOffset.UTC);
            assertThat(unassigned.applications()).extracting(Scorecard.ApplicationPart::application)
                    .containsExactly("legacy");
            assertThat(unassigned.delivery().report().deploymentFrequency().deployments()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void aPeriodThatHasNotBegunIsRefused(TestStores.Kind kind) {
        try (Scenario s = GovernanceScenario.build(kind)) {
            assertThatThrownBy(() -> GovernanceScenario.scorecards(s).scorecard("acme",
                    GovernanceScenario.quarter("2026-Q3"), "production", ZoneOffset.UTC))
                    .hasMessageContaining("2026-Q3 starts after the query time");
        }
    }
}
