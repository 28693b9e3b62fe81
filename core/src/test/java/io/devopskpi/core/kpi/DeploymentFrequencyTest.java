package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.Scenario;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * metrics.md "Deployment frequency". Calendar facts used below were checked with java.time: 2026-01-05 is a
 * Monday (ISO week 2 of 2026); 2026-12-28 is a Monday of ISO week 53 of 2026, which runs to Sunday 2027-01-03;
 * 2027-01-04 is the Monday of week 1 of 2027. Europe/Berlin: summer time begins 2026-03-29 (01:00 UTC),
 * ends 2026-10-25 (01:00 UTC).
 */
class DeploymentFrequencyTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Scenario s = Scenario.h2().now("2026-02-10T00:00");

    @AfterEach
    void closeStore() {
        s.close();
    }

    @Test
    void countsSuccessDeploymentsAndDistinctDeploymentDaysPerWeekAndMonth() {
        // ISO week 2 (Jan 5..11): three on Jan 5 (one day), Jan 6, Jan 7 → 3 days, 5 deployments
        s.success("d1", "shop", "2026-01-05T10:00");
        s.success("d2", "shop", "2026-01-05T14:00");
        s.success("d3", "shop", "2026-01-05T16:00");
        s.success("d4", "shop", "2026-01-06T10:00");
        s.success("d5", "shop", "2026-01-07T10:00");
        // week 3 (Jan 12..18): 1 day
        s.success("d6", "shop", "2026-01-13T10:00");
        // week 4 (Jan 19..25): only a FAILURE, an ABORTED and an UNSTABLE run → 0 days
        s.failure("f7", "shop", "2026-01-20T10:00");
        s.aborted("a8", "shop", "2026-01-21T10:00");
        s.unstable("u9", "shop", "2026-01-22T10:00");
        // week 5 (Jan 26..Feb 1): 2 days
        s.success("d10", "shop", "2026-01-26T10:00");
        s.success("d11", "shop", "2026-01-27T10:00");
        // other application and other environment: not counted
        s.success("b1", "billing", "2026-01-19T10:00");
        s.deploy("st1", "shop", "2026-01-19T10:00", DeploymentResult.SUCCESS, b -> b.environment("staging"));

        KpiReport.DeploymentFrequency f = s.application("shop", "2026-01-05T00:00", "2026-02-02T00:00")
                .deploymentFrequency();

        // 8 SUCCESS deployments in 28 days: perDay = 8/28, perWeek = 7 × 8/28 = 2
        assertThat(f.deployments()).isEqualTo(8);
        assertThat(f.perDay()).isCloseTo(8.0 / 28.0, within(1e-9));
        assertThat(f.perWeek()).isCloseTo(2.0, within(1e-9));
        // weeks [3, 1, 0, 2] → sorted [0, 1, 2, 3] → median (1 + 2)/2 = 1.5
        assertThat(f.medianDeploymentDaysPerWeek()).isCloseTo(1.5, within(1e-9));
        // months: January (Jan 5..31) has days 5, 6, 7, 13, 26, 27 = 6; February (only Feb 1 in the window) 0
        // → median of [0, 6] = 3
        assertThat(f.medianDeploymentDaysPerMonth()).isCloseTo(3.0, within(1e-9));
        // 1 ≤ 1.5 < 5 → high
        assertThat(f.band()).isEqualTo(Band.HIGH);
    }

    @Test
    void partialEdgeWeeksCountAsTheyAre() {
        s.success("d0", "shop", "2026-01-06T10:00"); // Tuesday before the window
        s.success("d1", "shop", "2026-01-08T10:00");
        s.success("d2", "shop", "2026-01-09T10:00");
        for (int day = 12; day <= 16; day++) {
            s.success("w3-" + day, "shop", "2026-01-" + day + "T10:00");
        }
        s.success("d3", "shop", "2026-01-20T10:00");
        s.success("d4", "shop", "2026-01-21T10:00"); // at/after the window's end (to = Jan 21 00:00)

        // window Wednesday Jan 7 .. Wednesday Jan 21 = 14 days
        KpiReport.DeploymentFrequency f = s.application("shop", "2026-01-07T00:00", "2026-01-21T00:00")
                .deploymentFrequency();

        // deployments: 2 + 5 + 1 = 8; perDay = 8/14, perWeek = 4
        assertThat(f.deployments()).isEqualTo(8);
        assertThat(f.perDay()).isCloseTo(8.0 / 14.0, within(1e-9));
        assertThat(f.perWeek()).isCloseTo(4.0, within(1e-9));
        // week 2 (Jan 7..11 in the window): 2 days; week 3: 5 days; week 4 (Jan 19..20 in the window): 1 day
        // → [1, 2, 5] → median 2
        assertThat(f.medianDeploymentDaysPerWeek()).isCloseTo(2.0, within(1e-9));
        // one month (January): 8 days → median 8
        assertThat(f.medianDeploymentDaysPerMonth()).isCloseTo(8.0, within(1e-9));
        assertThat(f.band()).isEqualTo(Band.HIGH);
    }

    @Test
    void fiveDeploymentDaysEveryWeekIsElite() {
        // Mon..Fri of weeks 2 and 3 (Jan 5..9, Jan 12..16), two deployments on each Monday
        for (int day : new int[] {5, 6, 7, 8, 9, 12, 13, 14, 15, 16}) {
            s.success("d" + day, "shop", String.format("2026-01-%02dT10:00", day));
        }
        s.success("d5b", "shop", "2026-01-05T15:00");
        s.success("d12b", "shop", "2026-01-12T15:00");

        KpiReport.DeploymentFrequency f = s.application("shop", "2026-01-05T00:00", "2026-01-19T00:00")
                .deploymentFrequency();

        // 12 deployments in 14 days; weeks [5, 5] → median 5 ≥ 5 → elite; January: 10 days
        assertThat(f.deployments()).isEqualTo(12);
        assertThat(f.perDay()).isCloseTo(12.0 / 14.0, within(1e-9));
        assertThat(f.perWeek()).isCloseTo(6.0, within(1e-9));
        assertThat(f.medianDeploymentDaysPerWeek()).isCloseTo(5.0, within(1e-9));
        assertThat(f.medianDeploymentDaysPerMonth()).isCloseTo(10.0, within(1e-9));
        assertThat(f.band()).isEqualTo(Band.ELITE);
    }

    @Test
    void emptyWeeksCountAsZeroAndMonthsDecideTheMediumBand() {
        s.success("d1", "shop", "2026-01-14T10:00");
        s.success("d2", "shop", "2026-02-11T10:00");

        // window Monday Jan 5 .. Monday Mar 2 = 56 days, ISO weeks 2..9 (8 weeks), months Jan, Feb, Mar (Mar 1)
        KpiReport.DeploymentFrequency f = s.now("2026-03-10T00:00")
                .application("shop", "2026-01-05T00:00", "2026-03-02T00:00").deploymentFrequency();

        assertThat(f.deployments()).isEqualTo(2);
        assertThat(f.perDay()).isCloseTo(2.0 / 56.0, within(1e-9));
        assertThat(f.perWeek()).isCloseTo(14.0 / 56.0, within(1e-9));
        // weeks [0, 1, 0, 0, 0, 1, 0, 0] → sorted six 0s then two 1s → median of the 4th and 5th = 0
        assertThat(f.medianDeploymentDaysPerWeek()).isCloseTo(0.0, within(1e-9));
        // months [1 (Jan), 1 (Feb), 0 (Mar 1)] → median 1 ≥ 1 → medium
        assertThat(f.medianDeploymentDaysPerMonth()).isCloseTo(1.0, within(1e-9));
        assertThat(f.band()).isEqualTo(Band.MEDIUM);
    }

    @Test
    void lessThanOneDayInTheMedianMonthIsLow() {
        s.success("d1", "shop", "2026-01-14T10:00");

        KpiReport.DeploymentFrequency f = s.now("2026-03-10T00:00")
                .application("shop", "2026-01-05T00:00", "2026-03-02T00:00").deploymentFrequency();

        // months [1, 0, 0] → median 0 < 1 → low
        assertThat(f.deployments()).isEqualTo(1);
        assertThat(f.medianDeploymentDaysPerWeek()).isCloseTo(0.0, within(1e-9));
        assertThat(f.medianDeploymentDaysPerMonth()).isCloseTo(0.0, within(1e-9));
        assertThat(f.band()).isEqualTo(Band.LOW);
    }

    @Test
    void isoWeeksRunAcrossTheYearBoundary() {
        // week 53 of 2026 = Mon 2026-12-28 .. Sun 2027-01-03; week 1 of 2027 = Mon 2027-01-04 .. Sun 2027-01-10
        s.success("d1", "shop", "2026-12-29T10:00");
        s.success("d2", "shop", "2026-12-31T10:00");
        s.success("d3", "shop", "2027-01-01T10:00");
        s.success("d4", "shop", "2027-01-02T10:00");
        s.success("d5", "shop", "2027-01-05T10:00");

        KpiReport.DeploymentFrequency f = s.now("2027-01-20T00:00")
                .application("shop", "2026-12-28T00:00", "2027-01-11T00:00").deploymentFrequency();

        // 5 deployments in 14 days
        assertThat(f.deployments()).isEqualTo(5);
        assertThat(f.perDay()).isCloseTo(5.0 / 14.0, within(1e-9));
        // week 53: Dec 29, Dec 31, Jan 1, Jan 2 = 4 days (one week, not split by the year); week 1: 1 day
        // → median (4 + 1)/2 = 2.5
        assertThat(f.medianDeploymentDaysPerWeek()).isCloseTo(2.5, within(1e-9));
        // December 2026 (28..31): 2 days; January 2027 (1..10): 3 days → median 2.5
        assertThat(f.medianDeploymentDaysPerMonth()).isCloseTo(2.5, within(1e-9));
        assertThat(f.band()).isEqualTo(Band.HIGH);
    }

    @Test
    void calendarBucketsUseTheQueryZoneAcrossTheSpringDaylightSavingChange() {
        // window = Mon 2026-03-23 00:00 Berlin (CET, 2026-03-22T23:00Z) .. Mon 2026-04-06 00:00 Berlin
        // (CEST, 2026-04-05T22:00Z): 14 days minus the hour skipped on Mar 29 = 335 h = 1,206,000 s
        s.success("d1", "shop", "2026-03-22T23:30"); // Berlin Mon Mar 23 00:30 → week 13
        s.success("d2", "shop", "2026-03-25T10:00"); // Wed Mar 25 → week 13
        s.success("d3", "shop", "2026-03-29T23:30"); // Berlin (CEST) Mon Mar 30 01:30 → week 14
        s.success("d4", "shop", "2026-03-31T10:00"); // Tue Mar 31 → week 14
        s.success("d5", "shop", "2026-04-05T21:30"); // Berlin Sun Apr 5 23:30 → week 14
        s.success("d6", "shop", "2026-04-05T22:30"); // Berlin Mon Apr 6 00:30 → after the window

        KpiReport.DeploymentFrequency f = s.now("2026-04-10T00:00")
                .report(Scope.application("shop"), "2026-03-22T23:00", "2026-04-05T22:00", BERLIN)
                .deploymentFrequency();

        // 5 deployments; perDay = 5 / (1,206,000 / 86,400) = 0.35820895...
        assertThat(f.deployments()).isEqualTo(5);
        assertThat(f.perDay()).isCloseTo(5.0 / (1_206_000.0 / 86_400.0), within(1e-9));
        assertThat(f.perWeek()).isCloseTo(35.0 / (1_206_000.0 / 86_400.0), within(1e-9));
        // local weeks: week 13 {Mar 23, Mar 25} = 2, week 14 {Mar 30, Mar 31, Apr 5} = 3 → median 2.5
        // (UTC buckets would give weeks 12, 13, 14 = [1, 2, 2] → 2)
        assertThat(f.medianDeploymentDaysPerWeek()).isCloseTo(2.5, within(1e-9));
        // local months: March {23, 25, 30, 31} = 4, April {5} = 1 → median 2.5
        assertThat(f.medianDeploymentDaysPerMonth()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void calendarBucketsUseTheQueryZoneAcrossTheAutumnDaylightSavingChange() {
        // window = Mon 2026-10-19 00:00 Berlin (CEST, 2026-10-18T22:00Z) .. Mon 2026-11-02 00:00 Berlin
        // (CET, 2026-11-01T23:00Z): 14 days plus the repeated hour of Oct 25 = 337 h = 1,213,200 s
        s.success("d1", "shop", "2026-10-20T10:00"); // Tue Oct 20 → week 43
        s.success("d2", "shop", "2026-10-25T23:30"); // Berlin (CET) Mon Oct 26 00:30 → week 44
        s.success("d3", "shop", "2026-10-27T10:00"); // Tue Oct 27 → week 44

        KpiReport.DeploymentFrequency f = s.now("2026-11-05T00:00")
                .report(Scope.application("shop"), "2026-10-18T22:00", "2026-11-01T23:00", BERLIN)
                .deploymentFrequency();

        assertThat(f.deployments()).isEqualTo(3);
        assertThat(f.perDay()).isCloseTo(3.0 / (1_213_200.0 / 86_400.0), within(1e-9));
        // local weeks 43 = 1, 44 = 2 → median 1.5 (UTC buckets: weeks 42, 43, 44 = [0, 2, 1] → 1)
        assertThat(f.medianDeploymentDaysPerWeek()).isCloseTo(1.5, within(1e-9));
        // October {20, 26, 27} = 3, November {1} = 0 → median 1.5
        assertThat(f.medianDeploymentDaysPerMonth()).isCloseTo(1.5, within(1e-9));
        assertThat(f.band()).isEqualTo(Band.HIGH);
    }

    @Test
    void aWindowEndingAfterTheQueryTimeIsCutThereForRatesAndMedians() {
        s.success("d1", "shop", "2026-01-06T10:00");
        s.success("d2", "shop", "2026-01-07T10:00");
        s.success("d3", "shop", "2026-01-13T10:00");

        // asked Jan 5 .. Feb 2 (28 days), query time Monday Jan 19 00:00 → cut to Jan 5 .. Jan 19 = 14 days
        KpiReport r = s.now("2026-01-19T00:00").application("shop", "2026-01-05T00:00", "2026-02-02T00:00");
        KpiReport.DeploymentFrequency f = r.deploymentFrequency();

        assertThat(f.deployments()).isEqualTo(3);
        // 3/14 (not 3/28)
        assertThat(f.perDay()).isCloseTo(3.0 / 14.0, within(1e-9));
        assertThat(f.perWeek()).isCloseTo(1.5, within(1e-9));
        // weeks 2 and 3 only: [2, 1] → 1.5 (uncut: [2, 1, 0, 0] → 0.5)
        assertThat(f.medianDeploymentDaysPerWeek()).isCloseTo(1.5, within(1e-9));
        // January only: 3 days → 3 (uncut: Jan 3, Feb 0 → 1.5)
        assertThat(f.medianDeploymentDaysPerMonth()).isCloseTo(3.0, within(1e-9));
        // the answer shows the window as asked
        assertThat(r.query().to()).isEqualTo(Scenario.t("2026-02-02T00:00"));
        assertThat(r.query().zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void theWindowIsHalfOpenOnFinishedTimes() {
        s.deploy("at-from", "shop", "2026-01-05T00:00", DeploymentResult.SUCCESS,
                b -> b.started(Scenario.t("2026-01-04T23:50")));                  // finished = from: in
        s.success("before", "shop", "2026-01-04T23:59:59");                      // out
        s.success("at-to", "shop", "2026-01-12T00:00");                          // finished = to: out

        KpiReport.DeploymentFrequency f = s.application("shop", "2026-01-05T00:00", "2026-01-12T00:00")
                .deploymentFrequency();

        // 1 in 7 days; week 2: 1 day
        assertThat(f.deployments()).isEqualTo(1);
        assertThat(f.perDay()).isCloseTo(1.0 / 7.0, within(1e-9));
        assertThat(f.perWeek()).isCloseTo(1.0, within(1e-9));
        assertThat(f.medianDeploymentDaysPerWeek()).isCloseTo(1.0, within(1e-9));
        assertThat(f.medianDeploymentDaysPerMonth()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void deploymentDaysOfATeamAreDistinctDatesAcrossItsApplications() {
        s.assign("a", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);
        s.assign("b", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);
        s.success("a1", "a", "2026-01-06T10:00");
        s.success("b1", "b", "2026-01-06T15:00");
        s.success("b2", "b", "2026-01-13T15:00");

        KpiReport.DeploymentFrequency f = s.report(Scope.team("web"), "2026-01-05T00:00", "2026-01-19T00:00")
                .deploymentFrequency();

        // 3 deployments; week 2 {Jan 6} = 1 day (two applications, one date), week 3 {Jan 13} = 1 → median 1
        assertThat(f.deployments()).isEqualTo(3);
        assertThat(f.medianDeploymentDaysPerWeek()).isCloseTo(1.0, within(1e-9));
        assertThat(f.medianDeploymentDaysPerMonth()).isCloseTo(2.0, within(1e-9));
    }
}
