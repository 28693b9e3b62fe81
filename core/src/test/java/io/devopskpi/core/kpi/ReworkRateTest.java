package io.devopskpi.core.kpi;

import static io.devopskpi.core.testing.Scenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.testing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** metrics.md "Deployment rework rate". */
class ReworkRateTest {
    private final Scenario s = Scenario.h2().now("2026-02-10T00:00");

    @AfterEach
    void closeStore() {
        s.close();
    }

    private void success(String id, String started, String finished) {
        s.deploy(id, "shop", finished, DeploymentResult.SUCCESS, b -> b.started(t(started)));
    }

    @Test
    void remediationsAndDeploymentsStartedDuringAnIncidentAreRework() {
        success("s1", "2026-01-05T09:50", "2026-01-05T10:00");                   // normal
        s.rollback("r1", "shop", "2026-01-06T10:00", DeploymentResult.SUCCESS);  // rework
        s.hotfix("h1", "shop", "2026-01-07T10:00", DeploymentResult.SUCCESS);    // rework
        s.hotfix("hf", "shop", "2026-01-07T12:00", DeploymentResult.FAILURE);    // not SUCCESS: not counted
        // incident [Jan 10 10:00, 12:00)
        s.incident("i1", "shop", "2026-01-10T10:00", null, "2026-01-10T12:00", null);
        success("s4", "2026-01-10T09:55", "2026-01-10T10:05");                   // started before: no
        success("s2", "2026-01-10T10:00", "2026-01-10T10:20");                   // started at start: rework
        success("s3", "2026-01-10T12:00", "2026-01-10T12:10");                   // started at resolved: no
        // open incident from Jan 20 10:00: no end
        s.incident("i2", "shop", "2026-01-20T10:00", null, null, null);
        success("s5", "2026-01-25T10:00", "2026-01-25T10:10");                   // rework
        // incidents of another application or environment do not count
        s.incident("b1", "billing", "2026-01-15T10:00", null, null, null);
        s.event(new Incident("st1", "shop", "staging", t("2026-01-15T10:00"), null, null, null, null, null, null));
        success("s6", "2026-01-16T10:00", "2026-01-16T10:10");                   // no
        // an incident that started before the window: [Dec 30 10:00, Jan 2 12:00)
        s.incident("i0", "shop", "2025-12-30T10:00", null, "2026-01-02T12:00", null);
        success("s7", "2026-01-02T10:00", "2026-01-02T10:10");                   // rework

        KpiReport.ReworkRate r = s.application("shop", "2026-01-01T00:00", "2026-02-01T00:00").reworkRate();

        // SUCCESS: s1, r1, h1, s4, s2, s3, s5, s6, s7 = 9; rework: r1, h1, s2, s5, s7 = 5 → 5/9
        assertThat(r.total()).isEqualTo(9);
        assertThat(r.rework()).isEqualTo(5);
        assertThat(r.rate()).isCloseTo(5.0 / 9.0, within(1e-9));
    }

    @Test
    void noReworkIsZeroNotNull() {
        s.success("s1", "shop", "2026-01-05T10:00");

        KpiReport.ReworkRate r = s.application("shop", "2026-01-01T00:00", "2026-02-01T00:00").reworkRate();

        assertThat(r).isEqualTo(new KpiReport.ReworkRate(0, 1, 0.0));
    }
}
