package io.devopskpi.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.metric.Threshold;

import org.junit.jupiter.api.Test;

class ThresholdTextTest {
    @Test
    void readsRatesDurationsAndCounts() {
        assertThat(ThresholdText.parse(GateMetric.CHANGE_SUCCESS_RATE, ">= 0.9"))
                .isEqualTo(new Threshold(GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.9));
        // 4 h = 14,400 s; PT30M = 1,800 s; 2d = 172,800 s; plain numbers are seconds
        assertThat(ThresholdText.parse(GateMetric.TIME_TO_RESTORE_MEDIAN, "<= 4h").value()).isEqualTo(14_400);
        assertThat(ThresholdText.parse(GateMetric.TIME_TO_DETECT_MEAN, "<PT30M"))
                .isEqualTo(new Threshold(GateMetric.TIME_TO_DETECT_MEAN, Operator.BELOW, 1_800));
        assertThat(ThresholdText.parse(GateMetric.LEAD_TIME_P90, " <= 2d ").value()).isEqualTo(172_800);
        assertThat(ThresholdText.parse(GateMetric.LEAD_TIME_MEDIAN, "<= 3600").value()).isEqualTo(3_600);
        assertThat(ThresholdText.parse(GateMetric.DEPLOYMENTS_PER_WEEK, "> 5").operator()).isEqualTo(Operator.ABOVE);
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> ThresholdText.parse(GateMetric.CHANGE_SUCCESS_RATE, "0.9"))
                .hasMessageContaining("changeSuccessRate must be an operator").hasMessageContaining("'0.9'");
        assertThatThrownBy(() -> ThresholdText.parse(GateMetric.CHANGE_SUCCESS_RATE, "=> 0.9"))
                .hasMessageContaining("operator");
        assertThatThrownBy(() -> ThresholdText.parse(GateMetric.CHANGE_SUCCESS_RATE, ">= 90%"))
                .hasMessageContaining("0.9, not 90%");
        assertThatThrownBy(() -> ThresholdText.parse(GateMetric.CHANGE_SUCCESS_RATE, ">= 90"))
                .hasMessageContaining("fraction");
        assertThatThrownBy(() -> ThresholdText.parse(GateMetric.TIME_TO_RESTORE_MEAN, "<= 4 hours"))
                .hasMessageContaining("operator");
        assertThatThrownBy(() -> ThresholdText.parse(GateMetric.TIME_TO_RESTORE_MEAN, "<= 4y"))
                .hasMessageContaining("duration such as 4h");
        assertThatThrownBy(() -> ThresholdText.parse(GateMetric.TIME_TO_RESTORE_MEAN, null))
                .hasMessageContaining("operator");
    }
}
