package io.jenkins.plugins.devopskpi.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
}
