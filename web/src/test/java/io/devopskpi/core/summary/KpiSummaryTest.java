package io.devopskpi.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiSummaryTest {
    @Test
    void summariesShowUndefinedValuesAsADash() {
        KpiReport.DeploymentFrequency frequency = new KpiReport.DeploymentFrequency(0, 0, 0, 0, 0, null);
        KpiReport report = new KpiReport(null, frequency, new KpiReport.LeadTime(0, 0, null, null, null, null),
                new KpiReport.ChangeFailureRate(0, 0, null, null, null), new KpiReport.ChangeSuccessRate(null, null),
                new KpiReport.TimeToRestore(0, 0, null, null, null, null, List.of()),
                new KpiReport.TimeToDetect(0, null, null), KpiReport.TimeToResolve.NONE, new KpiReport.ReworkRate(0, 0, null),
                new KpiReport.Availability(null, 0, 0, null));
        KpiSummary summary = KpiSummary.of("shop", report);
        assertThat(summary.deploymentsPerWeek()).isEqualTo("0.0");
        assertThat(summary.changeSuccessRate()).isEqualTo("–");
        assertThat(summary.leadTime()).isEqualTo("–");
    }

    @Test
    void aSummaryWithoutFiguresSaysWhy() {
        KpiSummary summary = KpiSummary.unavailable("shop", "store down");
        assertThat(summary.error()).isEqualTo("KPIs are not available: store down");
        assertThat(summary.deploymentsPerWeek()).isNull();
    }
}
