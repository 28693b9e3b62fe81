package io.jenkins.plugins.devopskpi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.kpi.KpiReport;
import org.junit.jupiter.api.Test;

class AccessTest {
    @Test
    void kpisNeedOverallReadJobDataItemReadAndConfigurationAdminister() {
        assertThat(Access.required(Access.Operation.READ_KPIS)).isEqualTo(Access.OVERALL_READ);
        assertThat(Access.required(Access.Operation.READ_JOB_KPIS)).isEqualTo(Access.ITEM_READ);
        assertThat(Access.required(Access.Operation.CONFIGURE)).isEqualTo(Access.ADMINISTER);
        assertThat(Access.required(Access.Operation.CHECK_FORM)).isEqualTo(Access.ADMINISTER);
    }

    @Test
    void onlyTheReadApiIsAnEndpoint() {
        assertThat(Access.operation("GET", "/api/v1/kpis")).isEqualTo(Access.Operation.READ_KPIS);
        assertThat(Access.operation("POST", "/api/v1/kpis")).isNull();
        assertThat(Access.operation("GET", "/api/v1/events")).isNull();
        assertThat(Access.operation("GET", null)).isNull();
    }

    @Test
    void summariesShowUndefinedValuesAsADash() {
        KpiReport.DeploymentFrequency frequency = new KpiReport.DeploymentFrequency(0, 0, 0, 0, 0, null);
        KpiReport report = new KpiReport(null, frequency, new KpiReport.LeadTime(0, 0, null, null, null, null),
                new KpiReport.ChangeFailureRate(0, 0, null, null, null), new KpiReport.ChangeSuccessRate(null, null),
                new KpiReport.TimeToRestore(0, 0, null, null, null, null, java.util.List.of()),
                new KpiReport.TimeToDetect(0, null, null), new KpiReport.ReworkRate(0, 0, null),
                new KpiReport.Availability(null, 0, 0, null));
        KpiSummary summary = KpiSummary.of("shop", report);
        assertThat(summary.deploymentsPerWeek()).isEqualTo("0.0");
        assertThat(summary.changeSuccessRate()).isEqualTo("–");
        assertThat(summary.leadTime()).isEqualTo("–");
    }
}
