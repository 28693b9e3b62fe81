package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.model.Incident;
import io.devopskpi.core.testing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** metrics.md "Mean time to detect": detected − started over incidents started in the window. */
class TimeToDetectTest {
    private final Scenario s = Scenario.h2().now("2026-02-10T00:00");

    @AfterEach
    void closeStore() {
        s.close();
    }

    @Test
    void meanAndMedianOfDetectionDelaysOfIncidentsStartedInTheWindow() {
        s.incident("i1", "shop", "2026-01-05T10:00", "2026-01-05T10:10", "2026-01-05T11:00", null); // 600
        s.incident("i2", "shop", "2026-01-06T10:00", "2026-01-06T10:30", null, null);               // 1,800
        s.incident("i3", "shop", "2026-01-07T10:00", "2026-01-07T12:00", "2026-01-07T13:00", null); // 7,200
        s.incident("i4", "shop", "2026-01-08T10:00", null, "2026-01-08T11:00", null);               // no detected
        s.incident("i5", "shop", "2025-12-31T23:00", "2026-01-01T01:00", null, null);               // before
        s.incident("i6", "shop", "2026-01-31T23:50", "2026-02-01T00:20", null, null);               // 1,800
        s.incident("i7", "shop", "2026-01-09T10:00", "2026-01-09T10:00", null, null);               // 0
        s.incident("i8", "shop", "2026-02-01T00:00", "2026-02-01T00:05", null, null);               // at `to`
        s.incident("b1", "billing", "2026-01-05T10:00", "2026-01-05T15:00", null, null);
        s.event(new Incident("st1", "shop", "staging", Scenario.t("2026-01-05T10:00"),
                Scenario.t("2026-01-05T15:00"), null, null, null, null, null));

        KpiReport.TimeToDetect d = s.application("shop", "2026-01-01T00:00", "2026-02-01T00:00").timeToDetect();

        // samples [0, 600, 1800, 1800, 7200]: median 1,800; mean 11,400/5 = 2,280
        assertThat(d.count()).isEqualTo(5);
        assertThat(d.medianSeconds()).isCloseTo(1_800.0, within(1e-9));
        assertThat(d.meanSeconds()).isCloseTo(2_280.0, within(1e-9));
    }

    @Test
    void anEvenCountInterpolatesTheMedian() {
        s.incident("i1", "shop", "2026-01-05T10:00", "2026-01-05T10:10", null, null); // 600
        s.incident("i2", "shop", "2026-01-06T10:00", "2026-01-06T11:00", null, null); // 3,600

        KpiReport.TimeToDetect d = s.application("shop", "2026-01-01T00:00", "2026-02-01T00:00").timeToDetect();

        assertThat(d.count()).isEqualTo(2);
        // (600 + 3600)/2 = 2,100
        assertThat(d.medianSeconds()).isCloseTo(2_100.0, within(1e-9));
        assertThat(d.meanSeconds()).isCloseTo(2_100.0, within(1e-9));
    }

    @Test
    void incidentsWithoutDetectedTimeLeaveItUndefined() {
        s.incident("i1", "shop", "2026-01-05T10:00", null, "2026-01-05T11:00", null);

        KpiReport.TimeToDetect d = s.application("shop", "2026-01-01T00:00", "2026-02-01T00:00").timeToDetect();

        assertThat(d).isEqualTo(new KpiReport.TimeToDetect(0, null, null));
    }
}
