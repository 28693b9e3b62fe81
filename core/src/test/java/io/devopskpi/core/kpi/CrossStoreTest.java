package io.devopskpi.core.kpi;

import static io.devopskpi.core.testing.Scenario.change;
import static io.devopskpi.core.testing.Scenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One mixed scenario on H2 and on PostgreSQL with the same hand-computed values. */
class CrossStoreTest {
    private static final double WINDOW = 2_678_400.0; // Jan 1 .. Feb 1 2026 = 31 days

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void theSameScenarioGivesTheSameKpisOnEveryStore(TestStores.Kind kind) {
        try (Scenario s = Scenario.on(kind).now("2026-02-10T00:00")) {
            s.assign("shop", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);
            s.success("s1", "shop", "2026-01-05T10:00",
                    change("c1", "2026-01-05T08:00"), change("c2", "2026-01-04T10:00"));
            s.failure("f2", "shop", "2026-01-06T10:00", change("c3", "2026-01-06T09:00"));
            s.success("s3", "shop", "2026-01-06T11:00",
                    change("c3", "2026-01-06T09:00"), change("c4", "2026-01-06T10:30"));
            s.incident("i1", "shop", "2026-01-07T10:00", "2026-01-07T10:20", "2026-01-07T12:00", "s3");
            s.rollback("r4", "shop", "2026-01-07T11:00", DeploymentResult.SUCCESS);
            s.success("s5", "shop", "2026-01-12T10:00", change("c5", "2026-01-11T10:00"));
            s.incident("i2", "shop", "2026-01-12T20:00", "2026-01-12T20:30", "2026-01-12T22:00", null);
            s.success("s6", "shop", "2026-01-13T10:00");
            s.aborted("a7", "shop", "2026-01-14T10:00");
            s.failure("f8", "shop", "2026-01-30T10:00");

            for (Scope scope : new Scope[] {Scope.application("shop"), Scope.supplier("acme"), Scope.team("web")}) {
                check(s.report(scope, "2026-01-01T00:00", "2026-02-01T00:00"));
            }
        }
    }

    private static void check(KpiReport r) {
        String scope = r.query().scope().toString();
        // SUCCESS: s1, s3, r4, s5, s6 = 5 in 31 days; ISO weeks 1..5 of the window: [0, 3, 2, 0, 0] → median 0;
        // January: days 5, 6, 7, 12, 13 = 5 → medium
        KpiReport.DeploymentFrequency f = r.deploymentFrequency();
        assertThat(f.deployments()).as(scope).isEqualTo(5);
        assertThat(f.perDay()).as(scope).isCloseTo(5.0 / 31.0, within(1e-9));
        assertThat(f.perWeek()).as(scope).isCloseTo(35.0 / 31.0, within(1e-9));
        assertThat(f.medianDeploymentDaysPerWeek()).as(scope).isCloseTo(0.0, within(1e-9));
        assertThat(f.medianDeploymentDaysPerMonth()).as(scope).isCloseTo(5.0, within(1e-9));
        assertThat(f.band()).as(scope).isEqualTo(Band.MEDIUM);

        // s1: 7,200 and 86,400; s3: c3 7,200 (f2 is no SUCCESS), c4 1,800; s5: 86,400
        // sorted [1800, 7200, 7200, 86400, 86400]: median 7,200; mean 189,000/5 = 37,800; p90 rank 3.6 → 86,400
        KpiReport.LeadTime lt = r.leadTime();
        assertThat(lt.count()).as(scope).isEqualTo(5);
        assertThat(lt.skipped()).as(scope).isZero();
        assertThat(lt.medianSeconds()).as(scope).isCloseTo(7_200.0, within(1e-9));
        assertThat(lt.meanSeconds()).as(scope).isCloseTo(37_800.0, within(1e-9));
        assertThat(lt.p90Seconds()).as(scope).isCloseTo(86_400.0, within(1e-9));
        assertThat(lt.band()).as(scope).isEqualTo(Band.ELITE);

        // counted s1, f2, s3, r4, s5, s6, f8 = 7; failed f2 (1), s3 (2 and 4), s5 (3: i2 10 h after), f8 (1) = 4
        // n = 7, p = 4/7: 1 + z²/7 = 1.548779840; center = (0.571428571 + 0.274389920)/1.548779840 = 0.546119254
        // half = (1.959964/1.548779840)·√(0.034985423 + 0.019599280) = 0.295660892 → [0.250458363, 0.841780146]
        KpiReport.ChangeFailureRate c = r.changeFailureRate();
        assertThat(c.failed()).as(scope).isEqualTo(4);
        assertThat(c.total()).as(scope).isEqualTo(7);
        assertThat(c.rate()).as(scope).isCloseTo(4.0 / 7.0, within(1e-9));
        assertThat(c.ci95().lower()).as(scope).isCloseTo(0.250458362753, within(1e-9));
        assertThat(c.ci95().upper()).as(scope).isCloseTo(0.841780146008, within(1e-9));
        assertThat(c.band()).as(scope).isEqualTo(Band.LOW);
        assertThat(r.changeSuccessRate().rate()).as(scope).isCloseTo(3.0 / 7.0, within(1e-9));
        assertThat(r.changeSuccessRate().ci95().lower()).as(scope).isCloseTo(1 - 0.841780146008, within(1e-9));
        assertThat(r.changeSuccessRate().ci95().upper()).as(scope).isCloseTo(1 - 0.250458362753, within(1e-9));

        // f2: 10:00 → s3 11:00 = 3,600; s3: i1 10:00 → min(r4 11:00, 12:00) = 3,600;
        // s5: i2 20:00 → min(s6 Jan 13 10:00, 22:00) = 7,200; f8 open since Jan 30 10:00 → age 254 h = 914,400
        KpiReport.TimeToRestore ttr = r.timeToRestore();
        assertThat(ttr.count()).as(scope).isEqualTo(3);
        assertThat(ttr.open()).as(scope).isEqualTo(1);
        assertThat(ttr.medianSeconds()).as(scope).isCloseTo(3_600.0, within(1e-9));
        // mean 14,400/3 = 4,800; p90 rank 1.8 → 3600 + 0.8·3600 = 6,480
        assertThat(ttr.meanSeconds()).as(scope).isCloseTo(4_800.0, within(1e-9));
        assertThat(ttr.p90Seconds()).as(scope).isCloseTo(6_480.0, within(1e-9));
        assertThat(ttr.band()).as(scope).isEqualTo(Band.HIGH);
        assertThat(ttr.openFailures()).as(scope).containsExactly(
                new KpiReport.OpenFailure("f8", "shop", t("2026-01-30T10:00"), 914_400.0));

        // i1 1,200, i2 1,800
        assertThat(r.timeToDetect().count()).as(scope).isEqualTo(2);
        assertThat(r.timeToDetect().meanSeconds()).as(scope).isCloseTo(1_500.0, within(1e-9));
        assertThat(r.timeToDetect().medianSeconds()).as(scope).isCloseTo(1_500.0, within(1e-9));

        // r4 (ROLLBACK) of 5 SUCCESS
        assertThat(r.reworkRate().rework()).as(scope).isEqualTo(1);
        assertThat(r.reworkRate().total()).as(scope).isEqualTo(5);
        assertThat(r.reworkRate().rate()).as(scope).isCloseTo(0.2, within(1e-9));

        // 2 h + 2 h = 14,400 down
        KpiReport.Availability a = r.availability();
        assertThat(a.downtimeSeconds()).as(scope).isCloseTo(14_400.0, within(1e-9));
        assertThat(a.ratio()).as(scope).isCloseTo(1 - 14_400.0 / WINDOW, within(1e-9));
        assertThat(a.applications()).as(scope).isEqualTo(1);
        assertThat(a.worstApplication()).as(scope).isEqualTo("shop");
    }
}
