package io.devopskpi.core.kpi;

import static io.devopskpi.core.testing.Scenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.testing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** metrics.md "Time to restore (failed deployment recovery time)". */
class TimeToRestoreTest {
    private static final String FROM = "2026-01-01T00:00";
    private static final String TO = "2026-02-01T00:00";

    private final Scenario s = Scenario.h2().now("2026-02-10T00:00");

    @AfterEach
    void closeStore() {
        s.close();
    }

    private KpiReport.TimeToRestore ttr(String application) {
        return s.application(application, FROM, TO).timeToRestore();
    }

    @Test
    void aFailedDeploymentIsRestoredByTheNextSuccess() {
        s.failure("f1", "shop", "2026-01-05T10:00");
        s.aborted("a1", "shop", "2026-01-05T10:10");   // restores nothing
        s.unstable("u1", "shop", "2026-01-05T10:20");  // restores nothing
        s.success("s2", "shop", "2026-01-05T10:30");

        KpiReport.TimeToRestore r = ttr("shop");

        // failure start = f1.finished 10:00, restore = s2.finished 10:30 → 1,800
        assertThat(r.count()).isEqualTo(1);
        assertThat(r.open()).isZero();
        assertThat(r.openFailures()).isEmpty();
        assertThat(r.medianSeconds()).isCloseTo(1_800.0, within(1e-9));
        assertThat(r.meanSeconds()).isCloseTo(1_800.0, within(1e-9));
        assertThat(r.p90Seconds()).isCloseTo(1_800.0, within(1e-9));
        // 1,800 < 3,600 → elite
        assertThat(r.band()).isEqualTo(Band.ELITE);
    }

    @Test
    void aLinkingIncidentGivesTheStartAndMayResolveBeforeTheNextSuccess() {
        // app "named": rule 2; restore = min(next SUCCESS 14:00, resolved 13:00) = 13:00; start 11:00 → 7,200
        s.success("n1", "named", "2026-01-10T10:00");
        s.incident("ni", "named", "2026-01-10T11:00", null, "2026-01-10T13:00", "n1");
        s.success("n2", "named", "2026-01-10T14:00");
        // app "unlinked": rule 3; restore = min(next SUCCESS 15:00, resolved 18:00) = 15:00; start 12:00 → 10,800
        s.success("u1", "unlinked", "2026-01-12T10:00");
        s.incident("ui", "unlinked", "2026-01-12T12:00", null, "2026-01-12T18:00", null);
        s.success("u2", "unlinked", "2026-01-12T15:00");
        // app "late": incident starts after the next SUCCESS finished; restore = the first SUCCESS after l1 that
        // finishes after the start 12:00 = l3 (13:00) vs resolved 20:00 → 13:00; 12:00 → 13:00 = 3,600
        s.success("l1", "late", "2026-01-15T10:00");
        s.success("l2", "late", "2026-01-15T11:00");
        s.incident("li", "late", "2026-01-15T12:00", null, "2026-01-15T20:00", "l1");
        s.success("l3", "late", "2026-01-15T13:00");

        assertThat(ttr("named").medianSeconds()).isCloseTo(7_200.0, within(1e-9));
        assertThat(ttr("unlinked").medianSeconds()).isCloseTo(10_800.0, within(1e-9));
        KpiReport.TimeToRestore late = ttr("late");
        assertThat(late.count()).isEqualTo(1);
        assertThat(late.medianSeconds()).isCloseTo(3_600.0, within(1e-9));
        // exactly 1 h is not < 1 h → high
        assertThat(late.band()).isEqualTo(Band.HIGH);
    }

    @Test
    void severalFailuresBeforeOneRestoreAreEachMeasuredToIt() {
        s.failure("f1", "shop", "2026-01-20T10:00");
        s.failure("f2", "shop", "2026-01-20T10:30");
        s.failure("f3", "shop", "2026-01-20T11:45");
        s.success("s4", "shop", "2026-01-20T12:00");

        KpiReport r = s.application("shop", FROM, TO);
        KpiReport.TimeToRestore ttr = r.timeToRestore();

        // to 12:00: f1 7,200, f2 5,400, f3 900 → sorted [900, 5400, 7200]
        assertThat(ttr.count()).isEqualTo(3);
        assertThat(ttr.open()).isZero();
        assertThat(ttr.medianSeconds()).isCloseTo(5_400.0, within(1e-9));
        // mean 13,500/3 = 4,500
        assertThat(ttr.meanSeconds()).isCloseTo(4_500.0, within(1e-9));
        // p90: rank 2·0.9 = 1.8 → 5400 + 0.8·(7200 − 5400) = 6,840
        assertThat(ttr.p90Seconds()).isCloseTo(6_840.0, within(1e-9));
        assertThat(ttr.band()).isEqualTo(Band.HIGH);
        assertThat(r.changeFailureRate().failed()).isEqualTo(3);
        assertThat(r.changeFailureRate().total()).isEqualTo(4);
    }

    @Test
    void failuresWithoutARestoreAreOpenAndListedByStartThenId() {
        s.now("2026-02-01T00:00");
        s.failure("f0", "shop", "2026-01-10T10:00");
        s.success("s0", "shop", "2026-01-10T11:00");                           // restores f0: 3,600
        s.success("s2", "shop", "2026-01-29T10:00");
        s.incident("i2", "shop", "2026-01-29T12:00", null, null, "s2");        // unresolved, no later SUCCESS
        s.failure("f1", "shop", "2026-01-30T08:00");
        // same finish: in deployment order z1 (started earlier) comes first, but the list orders by id
        s.deploy("z1", "shop", "2026-01-31T10:00", DeploymentResult.FAILURE,
                b -> b.started(t("2026-01-31T09:00")));
        s.deploy("y1", "shop", "2026-01-31T10:00", DeploymentResult.FAILURE,
                b -> b.started(t("2026-01-31T09:30")));

        KpiReport.TimeToRestore r = ttr("shop");

        assertThat(r.count()).isEqualTo(1);
        assertThat(r.medianSeconds()).isCloseTo(3_600.0, within(1e-9));
        assertThat(r.meanSeconds()).isCloseTo(3_600.0, within(1e-9));
        assertThat(r.p90Seconds()).isCloseTo(3_600.0, within(1e-9));
        assertThat(r.open()).isEqualTo(4);
        // ages at Feb 1 00:00: s2 from Jan 29 12:00 = 60 h = 216,000; f1 from Jan 30 08:00 = 40 h = 144,000;
        // y1 and z1 from Jan 31 10:00 = 14 h = 50,400
        assertThat(r.openFailures()).extracting(KpiReport.OpenFailure::deployment)
                .containsExactly("s2", "f1", "y1", "z1");
        assertThat(r.openFailures()).extracting(KpiReport.OpenFailure::failureStart)
                .containsExactly(t("2026-01-29T12:00"), t("2026-01-30T08:00"), t("2026-01-31T10:00"),
                        t("2026-01-31T10:00"));
        assertThat(r.openFailures()).extracting(KpiReport.OpenFailure::ageSeconds)
                .containsExactly(216_000.0, 144_000.0, 50_400.0, 50_400.0);
        assertThat(r.openFailures()).extracting(KpiReport.OpenFailure::application).containsOnly("shop");
    }

    @Test
    void onlyOpenFailuresLeaveTheStatisticsNull() {
        s.now("2026-02-01T00:00");
        s.failure("f1", "shop", "2026-01-31T12:00");

        KpiReport.TimeToRestore r = ttr("shop");

        assertThat(r.count()).isZero();
        assertThat(r.open()).isEqualTo(1);
        assertThat(r.medianSeconds()).isNull();
        assertThat(r.meanSeconds()).isNull();
        assertThat(r.p90Seconds()).isNull();
        assertThat(r.band()).isNull();
        // 12 h = 43,200
        assertThat(r.openFailures()).containsExactly(
                new KpiReport.OpenFailure("f1", "shop", t("2026-01-31T12:00"), 43_200.0));
    }

    @Test
    void aRestoreAfterTheWindowsEndCounts() {
        s.failure("f1", "shop", "2026-01-31T20:00");
        s.success("s2", "shop", "2026-02-01T02:00");

        KpiReport.TimeToRestore r = ttr("shop");

        // 20:00 → 02:00 next day = 21,600
        assertThat(r.count()).isEqualTo(1);
        assertThat(r.open()).isZero();
        assertThat(r.medianSeconds()).isCloseTo(21_600.0, within(1e-9));
    }

    @Test
    void failuresOutsideTheWindowAreNotMeasured() {
        s.failure("f0", "shop", "2025-12-31T23:00");
        s.success("s0", "shop", "2026-01-01T01:00");
        s.failure("f9", "shop", "2026-02-01T00:00"); // at `to`: outside

        KpiReport.TimeToRestore r = ttr("shop");

        assertThat(r.count()).isZero();
        assertThat(r.open()).isZero();
        assertThat(r.medianSeconds()).isNull();
    }

    @Test
    void theEarliestLinkingIncidentDecidesStartAndResolution() {
        // "a": rule-2 incident at 11:00 (resolved 14:00) is earlier than the rule-3 one at 12:00 (resolved 12:30)
        // → start 11:00, restore min(next SUCCESS 16:00, 14:00) = 14:00 → 10,800
        s.success("a1", "a", "2026-01-10T10:00");
        s.incident("a-i2", "a", "2026-01-10T12:00", null, "2026-01-10T12:30", null);
        s.incident("a-i1", "a", "2026-01-10T11:00", null, "2026-01-10T14:00", "a1");
        s.success("a2", "a", "2026-01-10T16:00");
        // "b": same start; the one resolved first (13:00) is the earliest → min(16:00, 13:00) → 7,200
        s.success("b1", "b", "2026-01-10T10:00");
        s.incident("b-x", "b", "2026-01-10T11:00", null, "2026-01-10T15:00", "b1");
        s.incident("b-y", "b", "2026-01-10T11:00", null, "2026-01-10T13:00", "b1");
        s.success("b2", "b", "2026-01-10T16:00");
        // "c": same start; unresolved comes last → c-q (resolved 13:00) → min(16:00, 13:00) = 13:00 → 7,200
        // (taking the unresolved c-p would give 16:00 → 18,000)
        s.success("c1", "c", "2026-01-10T10:00");
        s.incident("c-p", "c", "2026-01-10T11:00", null, null, "c1");
        s.incident("c-q", "c", "2026-01-10T11:00", null, "2026-01-10T13:00", "c1");
        s.success("c2", "c", "2026-01-10T16:00");

        assertThat(ttr("a").medianSeconds()).isCloseTo(10_800.0, within(1e-9));
        assertThat(ttr("b").medianSeconds()).isCloseTo(7_200.0, within(1e-9));
        KpiReport.TimeToRestore c = ttr("c");
        assertThat(c.count()).isEqualTo(1);
        assertThat(c.open()).isZero();
        assertThat(c.medianSeconds()).isCloseTo(7_200.0, within(1e-9));
    }

    @Test
    void anUnresolvedLinkingIncidentStillEndsAtTheNextSuccess() {
        s.success("s1", "shop", "2026-01-10T10:00");
        s.incident("i1", "shop", "2026-01-10T10:30", null, null, null);
        s.success("s2", "shop", "2026-01-10T12:00");

        KpiReport.TimeToRestore r = ttr("shop");

        // rule 3 links s1; start 10:30; (b) has no resolved, (a) = s2 12:00 → 5,400
        assertThat(r.count()).isEqualTo(1);
        assertThat(r.open()).isZero();
        assertThat(r.medianSeconds()).isCloseTo(5_400.0, within(1e-9));
    }

    @Test
    void aResolutionThatArrivesLaterChangesThePastWindow() {
        s.success("s1", "shop", "2026-01-10T10:00");
        s.incident("i1", "shop", "2026-01-10T11:00", null, null, "s1");

        // no later SUCCESS and no resolution: open, age Feb 10 00:00 − Jan 10 11:00 = 30 d 13 h = 2,638,800
        KpiReport.TimeToRestore before = ttr("shop");
        assertThat(before.count()).isZero();
        assertThat(before.openFailures()).containsExactly(
                new KpiReport.OpenFailure("s1", "shop", t("2026-01-10T11:00"), 2_638_800.0));

        // the incident is re-sent with its resolution: 11:00 → 13:00 = 7,200
        s.incident("i1", "shop", "2026-01-10T11:00", null, "2026-01-10T13:00", null);
        KpiReport.TimeToRestore after = ttr("shop");
        assertThat(after.count()).isEqualTo(1);
        assertThat(after.open()).isZero();
        assertThat(after.medianSeconds()).isCloseTo(7_200.0, within(1e-9));
    }

    @Test
    void aFailureBelongsToTheWindowOfItsDeploymentEvenWhenItsIncidentStartsAfter() {
        s.success("s1", "shop", "2026-01-31T20:00");
        s.incident("i1", "shop", "2026-02-01T02:00", null, "2026-02-01T03:00", null); // 6 h after: rule 3

        KpiReport january = s.application("shop", FROM, TO);
        // s1 failed; 02:00 → 03:00 = 3,600
        assertThat(january.changeFailureRate().failed()).isEqualTo(1);
        assertThat(january.timeToRestore().count()).isEqualTo(1);
        assertThat(january.timeToRestore().medianSeconds()).isCloseTo(3_600.0, within(1e-9));
        // February has neither the deployment nor its restore time
        KpiReport february = s.application("shop", "2026-02-01T00:00", "2026-02-08T00:00");
        assertThat(february.changeFailureRate().total()).isZero();
        assertThat(february.timeToRestore().count()).isZero();
        // but the incident's detection and downtime are February's (no detected: no sample)
        assertThat(february.availability().downtimeSeconds()).isCloseTo(3_600.0, within(1e-9));
        assertThat(january.availability().downtimeSeconds()).isEqualTo(0.0);
    }
}
