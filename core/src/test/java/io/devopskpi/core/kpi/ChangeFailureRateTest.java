package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.testing.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * metrics.md "Change failure rate and change success rate". Wilson 95 % interval with z = 1.959964,
 * z² = 3.841458881296: center = (p + z²/2n)/(1 + z²/n), half = z/(1 + z²/n)·√(p(1−p)/n + z²/4n²).
 */
class ChangeFailureRateTest {
    private static final String FROM = "2026-01-01T00:00";
    private static final String TO = "2026-02-01T00:00";

    private final Scenario s = Scenario.h2().now("2026-02-10T00:00");

    @AfterEach
    void closeStore() {
        s.close();
    }

    private KpiReport.ChangeFailureRate cfr(String application) {
        return s.application(application, FROM, TO).changeFailureRate();
    }

    @Test
    void rule1FailureResultWithWilsonIntervalAndSuccessRate() {
        s.success("d1", "shop", "2026-01-05T10:00");
        s.failure("f2", "shop", "2026-01-06T10:00");
        s.success("d3", "shop", "2026-01-07T10:00");
        s.success("d4", "shop", "2026-01-08T10:00");
        s.aborted("a5", "shop", "2026-01-09T10:00");
        s.unstable("u6", "shop", "2026-01-09T12:00");

        KpiReport r = s.application("shop", FROM, TO);

        // failed 1 of (3 SUCCESS + 1 FAILURE) = 1/4 = 0.25; ABORTED and UNSTABLE not counted
        KpiReport.ChangeFailureRate c = r.changeFailureRate();
        assertThat(c.failed()).isEqualTo(1);
        assertThat(c.total()).isEqualTo(4);
        assertThat(c.rate()).isCloseTo(0.25, within(1e-9));
        // n = 4, p = 0.25: z²/n = 0.960364720; 1 + z²/n = 1.960364720
        // center = (0.25 + 0.480182360)/1.960364720 = 0.372472710
        // half = (1.959964/1.960364720)·√(0.046875 + 0.060022795) = 0.999795588·0.326951976 = 0.326885450
        // → [0.045587260, 0.699358160]
        assertThat(c.ci95().lower()).isCloseTo(0.045587260295, within(1e-9));
        assertThat(c.ci95().upper()).isCloseTo(0.699358159903, within(1e-9));
        // 25 > 15 → low
        assertThat(c.band()).isEqualTo(Band.LOW);
        // success rate 0.75, interval [1 − 0.699358160, 1 − 0.045587260]
        KpiReport.ChangeSuccessRate sr = r.changeSuccessRate();
        assertThat(sr.rate()).isCloseTo(0.75, within(1e-9));
        assertThat(sr.ci95().lower()).isCloseTo(0.300641840097, within(1e-9));
        assertThat(sr.ci95().upper()).isCloseTo(0.954412739705, within(1e-9));
    }

    @Test
    void failureResultsAreLikeAbortedWhenRule1IsOff() {
        s.settings(new KpiSettings(false, Duration.ofHours(24), BandTable.defaults()));
        s.success("d1", "shop", "2026-01-05T10:00");
        s.failure("f2", "shop", "2026-01-06T10:00");
        s.success("d3", "shop", "2026-01-07T10:00");
        s.success("d4", "shop", "2026-01-08T10:00");

        KpiReport.ChangeFailureRate c = cfr("shop");

        // f2 treated like ABORTED: 0 of 3
        assertThat(c.failed()).isZero();
        assertThat(c.total()).isEqualTo(3);
        assertThat(c.rate()).isCloseTo(0.0, within(1e-9));
        assertThat(c.band()).isEqualTo(Band.ELITE);
    }

    @Test
    void rule2AnIncidentNamingTheDeploymentWhereverItWasRaised() {
        s.success("s1", "shop", "2026-01-03T10:00");
        s.success("s2", "shop", "2026-01-04T10:00");
        s.success("s3", "shop", "2026-01-10T10:00");
        s.success("s4", "shop", "2026-01-15T10:00");
        s.success("b1", "billing", "2026-01-05T10:00");
        // raised on billing, 2 h after b1, but names shop's s1: s1 failed, b1 is not (the cause is usable)
        s.incident("i1", "billing", "2026-01-05T12:00", null, "2026-01-05T13:00", "s1");
        // raised on shop 10 days after s3, naming it
        s.incident("i2", "shop", "2026-01-20T10:00", null, "2026-01-20T11:00", "s3");

        // shop: s1, s3 failed of 4 = 0.5; billing: 0 of 1
        KpiReport.ChangeFailureRate shop = cfr("shop");
        assertThat(shop.failed()).isEqualTo(2);
        assertThat(shop.total()).isEqualTo(4);
        assertThat(shop.rate()).isCloseTo(0.5, within(1e-9));
        // n = 4, p = 0.5: center 0.5, half = 0.999795588·√(0.0625 + 0.060022795) = 0.349961012
        assertThat(shop.ci95().lower()).isCloseTo(0.150038987744, within(1e-9));
        assertThat(shop.ci95().upper()).isCloseTo(0.849961012256, within(1e-9));
        KpiReport.ChangeFailureRate billing = cfr("billing");
        assertThat(billing.failed()).isZero();
        assertThat(billing.total()).isEqualTo(1);
        assertThat(billing.rate()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void rule3AnUnlinkedIncidentWithinTheHorizonAfterTheLatestSuccess() {
        s.success("s1", "shop", "2026-01-05T10:00");
        s.incident("i1", "shop", "2026-01-06T09:00", null, "2026-01-06T10:00", null); // 23 h after s1: s1 failed
        s.success("s2", "shop", "2026-01-10T10:00");
        s.incident("i2", "shop", "2026-01-11T10:00", null, "2026-01-11T11:00", null); // exactly 24 h: not < horizon
        s.success("s3", "shop", "2026-01-15T10:00");
        s.success("s4", "shop", "2026-01-15T12:00");
        s.incident("i4", "shop", "2026-01-15T13:00", null, "2026-01-15T14:00", null); // latest SUCCESS is s4
        s.success("s6", "shop", "2026-01-25T10:00");
        s.incident("i6", "shop", "2026-01-25T10:00", null, "2026-01-25T11:00", null); // finished ≤ started: s6
        // another environment does not link production deployments
        s.event(new Incident("st1", "shop", "staging", Scenario.t("2026-01-10T12:00"), null, null, null, null, null,
                null));

        KpiReport.ChangeFailureRate c = cfr("shop");

        // s1, s4, s6 failed of s1, s2, s3, s4, s6 = 3/5 = 0.6
        assertThat(c.failed()).isEqualTo(3);
        assertThat(c.total()).isEqualTo(5);
        assertThat(c.rate()).isCloseTo(0.6, within(1e-9));
        // n = 5, p = 0.6: 1 + z²/5 = 1.768291776; center = (0.6 + 0.384145888)/1.768291776 = 0.556551753
        // half = (1.959964/1.768291776)·√(0.048 + 0.038414589) = 1.108393…·0.293963… = 0.325827474
        assertThat(c.ci95().lower()).isCloseTo(0.230724279409, within(1e-9));
        assertThat(c.ci95().upper()).isCloseTo(0.882379226859, within(1e-9));
    }

    @Test
    void aCauseNamingAnUnknownOrAbortedDeploymentIsNotUsableSoRule3Applies() {
        s.success("s1", "shop", "2026-01-05T10:00");
        s.incident("i1", "shop", "2026-01-05T11:00", null, "2026-01-05T12:00", "no-such-deployment");
        s.success("s2", "shop", "2026-01-08T09:00");
        s.aborted("a2", "shop", "2026-01-08T10:00");
        s.incident("i2", "shop", "2026-01-08T11:00", null, "2026-01-08T12:00", "a2");
        s.success("s3", "shop", "2026-01-12T09:00");
        s.unstable("u3", "shop", "2026-01-12T10:00");
        s.incident("i3", "shop", "2026-01-14T11:00", null, "2026-01-14T12:00", "u3"); // 50 h after s3: no link
        s.success("s4", "shop", "2026-01-20T09:00");

        KpiReport.ChangeFailureRate c = cfr("shop");

        // i1 → rule 3 → s1; i2 → rule 3 → latest SUCCESS s2 (a2 is not SUCCESS); i3 → rule 3 → too late
        // failed s1, s2 of s1..s4 = 2/4
        assertThat(c.failed()).isEqualTo(2);
        assertThat(c.total()).isEqualTo(4);
        assertThat(c.rate()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void rule4TheNextSuccessOrFailureIsARollbackOrHotfixWhateverItsResult() {
        s.success("s1", "shop", "2026-01-05T10:00");
        s.aborted("a1", "shop", "2026-01-05T11:00");      // skipped
        s.unstable("u1", "shop", "2026-01-05T11:30");     // skipped
        s.rollback("r1", "shop", "2026-01-05T12:00", DeploymentResult.SUCCESS); // → s1 failed
        s.success("s2", "shop", "2026-01-10T10:00");
        s.hotfix("h2", "shop", "2026-01-10T11:00", DeploymentResult.FAILURE);   // → s2 failed; h2 failed (rule 1)
        s.success("s3", "shop", "2026-01-10T12:00");
        s.rollback("x3", "shop", "2026-01-11T10:00", DeploymentResult.ABORTED); // ABORTED: skipped, s3 stays good
        s.success("s4", "shop", "2026-01-12T10:00");

        KpiReport.ChangeFailureRate c = cfr("shop");

        // counted: s1, r1, s2, h2, s3, s4 = 6; failed s1, s2, h2 = 3 → 0.5
        assertThat(c.failed()).isEqualTo(3);
        assertThat(c.total()).isEqualTo(6);
        assertThat(c.rate()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aFailureFollowedByARollbackAndNamedByAnIncidentCountsOnce() {
        s.failure("f1", "shop", "2026-01-05T10:00");
        s.rollback("r1", "shop", "2026-01-05T10:30", DeploymentResult.SUCCESS);
        s.incident("i1", "shop", "2026-01-05T10:05", null, "2026-01-05T10:30", "f1");
        s.success("s2", "shop", "2026-01-06T10:00");

        KpiReport r = s.application("shop", FROM, TO);

        // f1 failed by rules 1, 2 and 4: once; 1 of (f1, r1, s2) = 1/3
        KpiReport.ChangeFailureRate c = r.changeFailureRate();
        assertThat(c.failed()).isEqualTo(1);
        assertThat(c.total()).isEqualTo(3);
        assertThat(c.rate()).isCloseTo(1.0 / 3.0, within(1e-9));
        // n = 3, p = 1/3: → [0.061491944, 0.792340401]
        assertThat(c.ci95().lower()).isCloseTo(0.061491944021, within(1e-9));
        assertThat(c.ci95().upper()).isCloseTo(0.792340401192, within(1e-9));
        assertThat(r.changeSuccessRate().rate()).isCloseTo(2.0 / 3.0, within(1e-9));
        assertThat(r.changeSuccessRate().ci95().lower()).isCloseTo(1 - 0.792340401192, within(1e-9));
        assertThat(r.changeSuccessRate().ci95().upper()).isCloseTo(1 - 0.061491944021, within(1e-9));
    }

    @Test
    void aRollbackAfterTheWindowStillFailsTheLastDeploymentInIt() {
        s.success("s1", "shop", "2026-01-31T23:00");
        s.rollback("r1", "shop", "2026-02-01T01:00", DeploymentResult.SUCCESS);

        KpiReport.ChangeFailureRate c = cfr("shop");

        // only s1 is in the window; it failed by rule 4 → 1/1
        assertThat(c.failed()).isEqualTo(1);
        assertThat(c.total()).isEqualTo(1);
        assertThat(c.rate()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void intervalsAtTheEdges() {
        for (int i = 1; i <= 5; i++) {
            s.success("ok" + i, "good", "2026-01-0" + i + "T10:00");
            s.failure("ko" + i, "bad", "2026-01-0" + i + "T10:00");
        }

        // 0 of 5: center = half = (z²/10)/(1 + z²/5) = 0.384145888/1.768291776 = 0.217241234 → [0, 0.434482469]
        KpiReport good = s.application("good", FROM, TO);
        assertThat(good.changeFailureRate().rate()).isCloseTo(0.0, within(1e-9));
        assertThat(good.changeFailureRate().ci95().lower()).isCloseTo(0.0, within(1e-9));
        assertThat(good.changeFailureRate().ci95().upper()).isCloseTo(0.434482468659, within(1e-9));
        assertThat(good.changeSuccessRate().rate()).isCloseTo(1.0, within(1e-9));
        assertThat(good.changeSuccessRate().ci95().lower()).isCloseTo(0.565517531341, within(1e-9));
        assertThat(good.changeSuccessRate().ci95().upper()).isCloseTo(1.0, within(1e-9));
        // 5 of 5: [0.565517531, 1]
        KpiReport bad = s.application("bad", FROM, TO);
        assertThat(bad.changeFailureRate().rate()).isCloseTo(1.0, within(1e-9));
        assertThat(bad.changeFailureRate().ci95().lower()).isCloseTo(0.565517531341, within(1e-9));
        assertThat(bad.changeFailureRate().ci95().upper()).isCloseTo(1.0, within(1e-9));
        assertThat(bad.changeSuccessRate().rate()).isCloseTo(0.0, within(1e-9));
        assertThat(bad.changeFailureRate().band()).isEqualTo(Band.LOW);
    }

    @Test
    void rule3LinksTheLatestSuccessNotALaterFailureOrUnstableRun() {
        s.success("s1", "shop", "2026-01-05T10:00");
        s.failure("f2", "shop", "2026-01-05T11:00");
        s.unstable("u3", "shop", "2026-01-05T11:30");
        s.incident("i1", "shop", "2026-01-05T12:00", null, "2026-01-05T13:30", null);
        s.success("s4", "shop", "2026-01-05T14:00");

        KpiReport r = s.application("shop", FROM, TO);

        // i1 → latest SUCCESS with finished ≤ 12:00 is s1 (2 h before) → s1 failed; f2 failed by rule 1
        // counted s1, f2, s4 = 3, failed 2
        assertThat(r.changeFailureRate().failed()).isEqualTo(2);
        assertThat(r.changeFailureRate().total()).isEqualTo(3);
        // restores: s1 from i1 12:00 to min(s4 14:00, 13:30) = 5,400; f2 from 11:00 to s4 14:00 = 10,800
        // median = mean = (5400 + 10800)/2 = 8,100; p90 = 5400 + 0.9·5400 = 10,260
        KpiReport.TimeToRestore ttr = r.timeToRestore();
        assertThat(ttr.count()).isEqualTo(2);
        assertThat(ttr.medianSeconds()).isCloseTo(8_100.0, within(1e-9));
        assertThat(ttr.meanSeconds()).isCloseTo(8_100.0, within(1e-9));
        assertThat(ttr.p90Seconds()).isCloseTo(10_260.0, within(1e-9));
    }

    @Test
    void theAttributionHorizonIsConfigurable() {
        s.settings(new KpiSettings(true, Duration.ofHours(2), BandTable.defaults()));
        s.success("s1", "shop", "2026-01-05T10:00");
        s.incident("i1", "shop", "2026-01-05T12:00", null, "2026-01-05T13:00", null); // exactly 2 h: no
        s.success("s2", "shop", "2026-01-06T10:00");
        s.incident("i2", "shop", "2026-01-06T11:59", null, "2026-01-06T13:00", null); // 1 h 59: s2

        KpiReport.ChangeFailureRate c = cfr("shop");

        assertThat(c.failed()).isEqualTo(1);
        assertThat(c.total()).isEqualTo(2);
        assertThat(c.rate()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void withRule1OffAFailureIsSkippedWhenLookingForTheNextDeployment() {
        s.success("s1", "shop", "2026-01-05T10:00");
        s.failure("f2", "shop", "2026-01-05T11:00");
        s.rollback("r3", "shop", "2026-01-05T12:00", DeploymentResult.SUCCESS);

        // rule 1 on: s1's next is f2 (NORMAL) → s1 good; f2 failed → 1 of (s1, f2, r3) = 1/3
        KpiReport.ChangeFailureRate on = cfr("shop");
        assertThat(on.failed()).isEqualTo(1);
        assertThat(on.total()).isEqualTo(3);
        // rule 1 off: f2 is like ABORTED, so s1's next is r3 (ROLLBACK) → s1 failed → 1 of (s1, r3) = 1/2
        s.settings(new KpiSettings(false, Duration.ofHours(24), BandTable.defaults()));
        KpiReport.ChangeFailureRate off = cfr("shop");
        assertThat(off.failed()).isEqualTo(1);
        assertThat(off.total()).isEqualTo(2);
        assertThat(off.rate()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aCauseNamingADeploymentOfAnotherEnvironmentIsUsable() {
        // reading: "a stored SUCCESS or FAILURE deployment" is not limited to the incident's environment
        s.deploy("st1", "shop", "2026-01-05T09:00", DeploymentResult.SUCCESS, b -> b.environment("staging"));
        s.success("s1", "shop", "2026-01-05T10:00");
        s.incident("i1", "shop", "2026-01-05T11:00", null, "2026-01-05T12:00", "st1");

        KpiReport.ChangeFailureRate c = cfr("shop");

        // the cause is usable, so rule 3 does not link s1: 0 of 1
        assertThat(c.failed()).isZero();
        assertThat(c.total()).isEqualTo(1);
    }
}
