package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void percentilesInterpolateLinearlyBetweenClosestRanks() {
        List<Double> values = List.of(40.0, 10.0, 30.0, 20.0);
        // sorted 10, 20, 30, 40; median rank 0.5 × 3 = 1.5 → 20 + 0.5 × (30 − 20) = 25
        assertThat(Statistics.of(values).median()).isCloseTo(25.0, within(1e-12));
        // p90 rank 0.9 × 3 = 2.7 → 30 + 0.7 × (40 − 30) = 37
        assertThat(Statistics.of(values).percentile(0.9)).isCloseTo(37.0, within(1e-12));
        // mean (10 + 20 + 30 + 40) ÷ 4 = 25
        assertThat(Statistics.of(values).mean()).isCloseTo(25.0, within(1e-12));
    }

    @Test
    void oneValueIsItsOwnMedianAndP90() {
        assertThat(Statistics.of(List.of(7.0)).median()).isEqualTo(7.0);
        assertThat(Statistics.of(List.of(7.0)).percentile(0.9)).isEqualTo(7.0);
    }

    @Test
    void noValuesHaveNoStatistics() {
        assertThat(Statistics.of(List.<Double>of()).median()).isNull();
        assertThat(Statistics.of(List.<Double>of()).mean()).isNull();
        assertThat(Statistics.rate(0, 0)).isNull();
        assertThat(Statistics.rate(0, 4)).isEqualTo(0.0);
    }

    @Test
    void wilsonIntervalMatchesTheWorkedExampleOfTheApi() {
        // api.md's example: 3 failed of 14. p = 0.2142857, z² = 3.8414588, z²/n = 0.2743899;
        // centre = (0.2142857 + 0.1371950) ÷ 1.2743899 = 0.2758015;
        // half = 1.959964 × √(0.2142857 × 0.7857143 ÷ 14 + 3.8414588 ÷ 784) ÷ 1.2743899
        //      = 1.959964 × √(0.0120262 + 0.0048998) ÷ 1.2743899 = 0.2000880 → [0.0757135, 0.4758895]
        KpiReport.Interval interval = WilsonInterval.of(3, 14);
        assertThat(interval.lower()).isCloseTo(0.0757139, within(1e-6));
        assertThat(interval.upper()).isCloseTo(0.4758923, within(1e-5));
        KpiReport.Interval success = WilsonInterval.complement(interval);
        assertThat(success.lower()).isCloseTo(1 - interval.upper(), within(1e-15));
        assertThat(success.upper()).isCloseTo(1 - interval.lower(), within(1e-15));
    }

    @Test
    void wilsonIntervalStaysInsideZeroAndOne() {
        // 0 of 5: p = 0, centre = (z²/10) ÷ (1 + z²/5) = 0.3841459 ÷ 1.7682918 = 0.2172411 = half → [0, 0.4344822]
        KpiReport.Interval none = WilsonInterval.of(0, 5);
        assertThat(none.lower()).isCloseTo(0.0, within(1e-12));
        assertThat(none.upper()).isCloseTo(0.4344822, within(1e-6));
        assertThat(WilsonInterval.of(5, 5).upper()).isCloseTo(1.0, within(1e-12));
        assertThat(WilsonInterval.of(0, 0)).isNull();
    }
}
