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
    void everyGetReadsKpis() {
        assertThat(Access.operation("GET", "/api/v1/kpis")).isEqualTo(Access.Operation.READ_KPIS);
        assertThat(Access.operation("GET", "/api/v1/export.csv")).isEqualTo(Access.Operation.READ_KPIS);
        assertThat(Access.operation("POST", "/api/v1/events")).as("the plugin takes no events over HTTP").isNull();
        assertThat(Access.operation("GET", "/api/v1/")).isNull();
        assertThat(Access.operation("GET", "/assets/index.js")).isEqualTo(Access.Operation.READ_KPIS);
        assertThat(Access.operation("GET", "")).isEqualTo(Access.Operation.READ_KPIS);
        assertThat(Access.operation("GET", null)).isNull();
    }

    @Test
    void theEndpointIsThePathAfterTheApiVersion() {
        assertThat(Access.isApi("/api/v1/kpis")).isTrue();
        assertThat(Access.isApi("/applications/shop")).isFalse();
        assertThat(Access.endpoint("/api/v1/kpis")).isEqualTo("kpis");
        assertThat(Access.endpoint("/api/v1/failed-changes/")).isEqualTo("failed-changes");
    }
}
