package io.devopskpi.core.kpi;

import static io.devopskpi.core.testing.Scenario.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.testing.Scenario;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * metrics.md "Performance bands" (default table) at the exact boundaries: rates compared exactly (≤), lead time
 * and time to restore strictly below the limit, deployment days per week at least 5 / at least 1.
 */
class BandsTest {
    private static final String FROM = "2026-01-01T00:00";
    private static final String TO = "2026-02-01T00:00";

    private final Scenario s = Scenario.h2().now("2026-02-10T00:00");

    @AfterEach
    void closeStore() {
        s.close();
    }

    private static String jan(int day, String time) {
        return String.format("2026-01-%02dT%s", day, time);
    }

    @Test
    void changeFailureRateBoundariesOfTwentyDeployments() {
        String[] apps = {"one", "two", "three", "four"};
        for (int k = 1; k <= 4; k++) {
            for (int day = 1; day <= 20; day++) {
                String id = apps[k - 1] + day;
                if (day <= k) {
                    s.failure(id, apps[k - 1], jan(day, "10:00"));
                } else {
                    s.success(id, apps[k - 1], jan(day, "10:00"));
                }
            }
        }

        // 1/20 = 5 % ≤ 5 → elite; 2/20 = 10 % → high; 3/20 = 15 % → medium; 4/20 = 20 % → low
        assertThat(s.application("one", FROM, TO).changeFailureRate().band()).isEqualTo(Band.ELITE);
        assertThat(s.application("two", FROM, TO).changeFailureRate().band()).isEqualTo(Band.HIGH);
        assertThat(s.application("three", FROM, TO).changeFailureRate().band()).isEqualTo(Band.MEDIUM);
        KpiReport.ChangeFailureRate four = s.application("four", FROM, TO).changeFailureRate();
        assertThat(four.band()).isEqualTo(Band.LOW);
        assertThat(four.failed()).isEqualTo(4);
        assertThat(four.total()).isEqualTo(20);
    }

    @Test
    void leadTimeBoundaries() {
        Instant finished = Scenario.t("2026-01-31T00:00");
        long[] seconds = {86_399, 86_400, 604_799, 604_800, 2_591_999, 2_592_000};
        for (int i = 0; i < seconds.length; i++) {
            s.success("d" + i, "lt" + i, "2026-01-31T00:00",
                    change("c" + i, finished.minusSeconds(seconds[i]).toString()));
        }

        assertThat(s.application("lt0", FROM, TO).leadTime().band()).isEqualTo(Band.ELITE);  // < 1 day
        assertThat(s.application("lt1", FROM, TO).leadTime().band()).isEqualTo(Band.HIGH);   // = 1 day
        assertThat(s.application("lt2", FROM, TO).leadTime().band()).isEqualTo(Band.HIGH);   // < 7 days
        assertThat(s.application("lt3", FROM, TO).leadTime().band()).isEqualTo(Band.MEDIUM); // = 7 days
        assertThat(s.application("lt4", FROM, TO).leadTime().band()).isEqualTo(Band.MEDIUM); // < 30 days
        assertThat(s.application("lt5", FROM, TO).leadTime().band()).isEqualTo(Band.LOW);    // = 30 days
    }

    @Test
    void timeToRestoreBoundaries() {
        Instant failed = Scenario.t("2026-01-10T00:00");
        long[] seconds = {3_599, 3_600, 86_399, 86_400, 604_799, 604_800};
        for (int i = 0; i < seconds.length; i++) {
            s.failure("f" + i, "tr" + i, "2026-01-10T00:00");
            s.success("s" + i, "tr" + i, failed.plusSeconds(seconds[i]).toString());
        }

        assertThat(s.application("tr0", FROM, TO).timeToRestore().band()).isEqualTo(Band.ELITE);  // < 1 h
        assertThat(s.application("tr1", FROM, TO).timeToRestore().band()).isEqualTo(Band.HIGH);   // = 1 h
        assertThat(s.application("tr2", FROM, TO).timeToRestore().band()).isEqualTo(Band.HIGH);   // < 1 day
        assertThat(s.application("tr3", FROM, TO).timeToRestore().band()).isEqualTo(Band.MEDIUM); // = 1 day
        assertThat(s.application("tr4", FROM, TO).timeToRestore().band()).isEqualTo(Band.MEDIUM); // < 7 days
        assertThat(s.application("tr5", FROM, TO).timeToRestore().band()).isEqualTo(Band.LOW);    // = 7 days
    }

    @Test
    void deploymentFrequencyBoundaries() {
        // window Mon Jan 5 .. Mon Jan 19: weeks 2 and 3
        // "weekly": one day in each week → [1, 1] → median 1 ≥ 1 → high
        s.success("w1", "weekly", jan(6, "10:00"));
        s.success("w2", "weekly", jan(13, "10:00"));
        // "almost": [4, 5] → median 4.5 < 5 → high
        for (int day : new int[] {5, 6, 7, 8, 12, 13, 14, 15, 16}) {
            s.success("a" + day, "almost", jan(day, "10:00"));
        }
        // "once": [1, 0] → median 0.5 < 1; January has 1 day → medium
        s.success("o1", "once", jan(6, "10:00"));

        String from = "2026-01-05T00:00";
        String to = "2026-01-19T00:00";
        KpiReport.DeploymentFrequency weekly = s.application("weekly", from, to).deploymentFrequency();
        assertThat(weekly.medianDeploymentDaysPerWeek()).isEqualTo(1.0);
        assertThat(weekly.band()).isEqualTo(Band.HIGH);
        KpiReport.DeploymentFrequency almost = s.application("almost", from, to).deploymentFrequency();
        assertThat(almost.medianDeploymentDaysPerWeek()).isEqualTo(4.5);
        assertThat(almost.band()).isEqualTo(Band.HIGH);
        KpiReport.DeploymentFrequency once = s.application("once", from, to).deploymentFrequency();
        assertThat(once.medianDeploymentDaysPerWeek()).isEqualTo(0.5);
        assertThat(once.medianDeploymentDaysPerMonth()).isEqualTo(1.0);
        assertThat(once.band()).isEqualTo(Band.MEDIUM);
    }
}
