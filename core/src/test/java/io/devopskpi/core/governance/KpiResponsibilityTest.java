package io.devopskpi.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.model.Responsibility;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** metrics.md, "Each KPI has one responsibility": every gate metric and every /kpis KPI on its side. */
class KpiResponsibilityTest {
    @Test
    void everyGateMetricHasTheResponsibilityOfItsKpi() {
        Map<GateMetric, Responsibility> expected = new EnumMap<>(GateMetric.class);
        for (GateMetric metric : GateMetric.values()) {
            expected.put(metric, Responsibility.DELIVERY);
        }
        expected.put(GateMetric.TIME_TO_DETECT_MEAN, Responsibility.OPERATIONS);
        expected.put(GateMetric.TIME_TO_RESOLVE_MEAN, Responsibility.OPERATIONS);
        expected.put(GateMetric.TIME_TO_RESOLVE_MEDIAN, Responsibility.OPERATIONS);
        expected.put(GateMetric.AVAILABILITY, Responsibility.OPERATIONS);
        expected.put(GateMetric.STAKEHOLDER_SATISFACTION, Responsibility.BOTH);

        for (GateMetric metric : GateMetric.values()) {
            assertThat(KpiResponsibility.of(metric)).as(metric.apiName()).isEqualTo(expected.get(metric));
        }
    }

    @Test
    void theKpisOfEachSideAreTheOnesItsAttributionDecides() {
        assertThat(KpiResponsibility.kpis(Responsibility.DELIVERY)).containsExactly("deploymentFrequency",
                "leadTime", "changeFailureRate", "changeSuccessRate", "timeToRestore", "reworkRate");
        assertThat(KpiResponsibility.kpis(Responsibility.OPERATIONS)).containsExactly("timeToDetect",
                "timeToResolve", "availability");
    }
}
