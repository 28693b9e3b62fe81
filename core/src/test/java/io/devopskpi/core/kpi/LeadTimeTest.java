package io.devopskpi.core.kpi;

import static io.devopskpi.core.testing.Scenario.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.testing.Scenario;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** metrics.md "Lead time for changes"; percentiles interpolate linearly between closest ranks. */
class LeadTimeTest {
    private static final String FROM = "2026-01-01T00:00";
    private static final String TO = "2026-02-01T00:00";

    private final Scenario s = Scenario.h2().now("2026-02-10T00:00");

    @AfterEach
    void closeStore() {
        s.close();
    }

    private KpiReport.LeadTime shop() {
        return s.application("shop", FROM, TO).leadTime();
    }

    @Test
    void medianP90AndMeanInterpolateOverAnEvenCount() {
        s.success("d1", "shop", "2026-01-10T12:00",
                change("c1", "2026-01-10T11:00"),  // 1 h = 3,600 s
                change("c2", "2026-01-10T10:00")); // 2 h = 7,200 s
        s.success("d2", "shop", "2026-01-12T12:00",
                change("c3", "2026-01-12T08:00"),  // 4 h = 14,400 s
                change("c4", "2026-01-11T12:00")); // 24 h = 86,400 s

        KpiReport.LeadTime lt = shop();

        // sorted [3600, 7200, 14400, 86400], n = 4
        assertThat(lt.count()).isEqualTo(4);
        assertThat(lt.skipped()).isZero();
        // median: rank (4−1)·0.5 = 1.5 → 7200 + 0.5·(14400 − 7200) = 10,800
        assertThat(lt.medianSeconds()).isCloseTo(10_800.0, within(1e-9));
        // p90: rank (4−1)·0.9 = 2.7 → 14400 + 0.7·(86400 − 14400) = 64,800
        assertThat(lt.p90Seconds()).isCloseTo(64_800.0, within(1e-9));
        // mean: (3600 + 7200 + 14400 + 86400)/4 = 111,600/4 = 27,900
        assertThat(lt.meanSeconds()).isCloseTo(27_900.0, within(1e-9));
        // 10,800 s < 1 day → elite
        assertThat(lt.band()).isEqualTo(Band.ELITE);
    }

    @Test
    void aChangeCountsOnceOnItsFirstSuccessDeploymentWithTheCommitTimeGivenThere() {
        // the FAILURE run lists c1 first; it gives no sample
        s.failure("f1", "shop", "2026-01-10T10:00", change("c1", "2026-01-10T08:00"));
        // first SUCCESS listing c1 says it was committed at 09:00 (e.g. rebased): that time counts
        s.success("d2", "shop", "2026-01-10T12:00",
                change("c1", "2026-01-10T09:00"),  // 12:00 − 09:00 = 10,800
                change("c2", "2026-01-10T11:00")); // 3,600
        s.success("d3", "shop", "2026-01-11T12:00",
                change("c1", "2026-01-10T08:00"),  // already counted on d2
                change("c2", "2026-01-10T11:00"),  // already counted on d2
                change("c3", "2026-01-11T06:00")); // 21,600

        KpiReport.LeadTime lt = shop();

        // sorted [3600, 10800, 21600]
        assertThat(lt.count()).isEqualTo(3);
        assertThat(lt.skipped()).isZero();
        assertThat(lt.medianSeconds()).isCloseTo(10_800.0, within(1e-9));
        // p90: rank 2·0.9 = 1.8 → 10800 + 0.8·(21600 − 10800) = 19,440
        assertThat(lt.p90Seconds()).isCloseTo(19_440.0, within(1e-9));
        // mean: 36,000/3 = 12,000
        assertThat(lt.meanSeconds()).isCloseTo(12_000.0, within(1e-9));
    }

    @Test
    void theFirstDeploymentIsChosenByFinishedThenStartedThenId() {
        // same finished; "late" started earlier than "early" → "late" comes first in order
        s.deploy("early", "shop", "2026-01-10T12:00", DeploymentResult.SUCCESS, b -> b
                .started(Scenario.t("2026-01-10T11:30")).changes(List.of(change("c1", "2026-01-10T11:00"))));
        s.deploy("late", "shop", "2026-01-10T12:00", DeploymentResult.SUCCESS, b -> b
                .started(Scenario.t("2026-01-10T11:00")).changes(List.of(change("c1", "2026-01-10T10:00"))));
        // same finished and started: id "x-1" comes before "x-2"
        s.deploy("x-2", "shop", "2026-01-12T12:00", DeploymentResult.SUCCESS, b -> b
                .started(Scenario.t("2026-01-12T11:00")).changes(List.of(change("c2", "2026-01-12T11:00"))));
        s.deploy("x-1", "shop", "2026-01-12T12:00", DeploymentResult.SUCCESS, b -> b
                .started(Scenario.t("2026-01-12T11:00")).changes(List.of(change("c2", "2026-01-12T09:00"))));

        KpiReport.LeadTime lt = shop();

        // c1 on "late": 12:00 − 10:00 = 7,200; c2 on "x-1": 12:00 − 09:00 = 10,800
        assertThat(lt.count()).isEqualTo(2);
        // median = mean = (7200 + 10800)/2 = 9,000; p90 = 7200 + 0.9·3600 = 10,440
        assertThat(lt.medianSeconds()).isCloseTo(9_000.0, within(1e-9));
        assertThat(lt.meanSeconds()).isCloseTo(9_000.0, within(1e-9));
        assertThat(lt.p90Seconds()).isCloseTo(10_440.0, within(1e-9));
    }

    @Test
    void aChangeFirstDeployedBeforeTheWindowAddsNoSampleInIt() {
        s.success("d0", "shop", "2025-12-20T12:00", change("c1", "2025-12-20T10:00"));
        s.success("d1", "shop", "2026-01-10T12:00",
                change("c1", "2025-12-20T10:00"),
                change("c2", "2026-01-10T11:00")); // 3,600

        KpiReport.LeadTime lt = shop();

        assertThat(lt.count()).isEqualTo(1);
        assertThat(lt.medianSeconds()).isCloseTo(3_600.0, within(1e-9));
        assertThat(lt.meanSeconds()).isCloseTo(3_600.0, within(1e-9));
        assertThat(lt.p90Seconds()).isCloseTo(3_600.0, within(1e-9));
    }

    @Test
    void theSameCommitInAnotherApplicationOrEnvironmentIsASeparateChange() {
        s.deploy("st1", "shop", "2026-01-09T12:00", DeploymentResult.SUCCESS, b -> b
                .environment("staging").changes(List.of(change("c1", "2026-01-09T10:00"))));
        s.success("d1", "shop", "2026-01-10T12:00", change("c1", "2026-01-10T10:00"));
        s.success("b1", "billing", "2026-01-11T12:00", change("c1", "2026-01-10T10:00"));

        // shop production: 12:00 − 10:00 = 7,200 (the staging run does not consume c1)
        KpiReport.LeadTime shop = shop();
        assertThat(shop.count()).isEqualTo(1);
        assertThat(shop.medianSeconds()).isCloseTo(7_200.0, within(1e-9));
        // billing: Jan 11 12:00 − Jan 10 10:00 = 26 h = 93,600
        KpiReport.LeadTime billing = s.application("billing", FROM, TO).leadTime();
        assertThat(billing.count()).isEqualTo(1);
        assertThat(billing.medianSeconds()).isCloseTo(93_600.0, within(1e-9));
        assertThat(billing.band()).isEqualTo(Band.HIGH);
    }

    @Test
    void commitsAfterTheDeploymentAreSkippedAndZeroIsASample() {
        s.success("d1", "shop", "2026-01-10T12:00",
                change("skew", "2026-01-10T12:00:01"), // negative: skipped
                change("zero", "2026-01-10T12:00"),    // 0
                change("hour", "2026-01-10T11:00"));   // 3,600

        KpiReport.LeadTime lt = shop();

        // samples [0, 3600]
        assertThat(lt.count()).isEqualTo(2);
        assertThat(lt.skipped()).isEqualTo(1);
        assertThat(lt.medianSeconds()).isCloseTo(1_800.0, within(1e-9));
        assertThat(lt.meanSeconds()).isCloseTo(1_800.0, within(1e-9));
        // p90: 0 + 0.9·3600 = 3,240
        assertThat(lt.p90Seconds()).isCloseTo(3_240.0, within(1e-9));
    }

    @Test
    void importedDeploymentsCountAsDeploymentsButConsumeTheirChangesWithoutSamples() {
        s.deploy("imp1", "shop", "2026-01-05T12:00", DeploymentResult.SUCCESS, b -> b.imported(true)
                .changes(List.of(change("c1", "2024-01-01T00:00"),      // years old: no sample
                        change("c2", "2026-01-04T12:00"),               // no sample
                        change("c4", "2026-01-05T13:00"))));            // after the import: not skipped either
        s.success("d2", "shop", "2026-01-10T12:00",
                change("c1", "2024-01-01T00:00"),
                change("c2", "2026-01-04T12:00"),
                change("c4", "2026-01-05T13:00"),
                change("c3", "2026-01-10T11:00")); // 3,600

        KpiReport r = s.application("shop", FROM, TO);

        assertThat(r.leadTime().count()).isEqualTo(1);
        assertThat(r.leadTime().skipped()).isZero();
        assertThat(r.leadTime().medianSeconds()).isCloseTo(3_600.0, within(1e-9));
        assertThat(r.leadTime().meanSeconds()).isCloseTo(3_600.0, within(1e-9));
        assertThat(r.deploymentFrequency().deployments()).isEqualTo(2);
    }

    @Test
    void unstableAndAbortedRunsCarryNoChanges() {
        s.deploy("u1", "shop", "2026-01-10T10:00", DeploymentResult.UNSTABLE,
                b -> b.changes(List.of(change("c1", "2026-01-10T07:00"))));
        s.deploy("a1", "shop", "2026-01-10T11:00", DeploymentResult.ABORTED,
                b -> b.changes(List.of(change("c2", "2026-01-10T06:00"))));
        s.success("d1", "shop", "2026-01-10T12:00",
                change("c1", "2026-01-10T08:00"),  // 4 h = 14,400
                change("c2", "2026-01-10T09:00")); // 3 h = 10,800

        KpiReport.LeadTime lt = shop();

        assertThat(lt.count()).isEqualTo(2);
        // (10800 + 14400)/2 = 12,600
        assertThat(lt.medianSeconds()).isCloseTo(12_600.0, within(1e-9));
        assertThat(lt.meanSeconds()).isCloseTo(12_600.0, within(1e-9));
        // 10800 + 0.9·3600 = 14,040
        assertThat(lt.p90Seconds()).isCloseTo(14_040.0, within(1e-9));
    }

    @Test
    void changesOfDeploymentsOutsideTheWindowAndOfFailuresGiveNoSamples() {
        s.failure("f1", "shop", "2026-01-10T12:00", change("c1", "2026-01-10T10:00"));
        s.success("late", "shop", "2026-02-01T00:00", change("c1", "2026-01-10T10:00")); // at `to`: outside

        KpiReport.LeadTime lt = shop();

        assertThat(lt).isEqualTo(new KpiReport.LeadTime(0, 0, null, null, null, null));
    }
}
