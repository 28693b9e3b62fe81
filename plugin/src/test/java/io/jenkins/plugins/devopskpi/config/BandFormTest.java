package io.jenkins.plugins.devopskpi.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Descriptor.FormException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BandFormTest {
    /**
     * A bad band value was an IllegalArgumentException from a setter during form binding: an error page and a
     * half-saved form. It is a form error now, before anything is bound.
     */
    @Test
    void aBandThatDoesNotRiseIsAFormErrorBeforeAnythingIsBound() {
        Map<String, String> form = Map.of("bandDeploymentDays", "5, 1, 1", "bandLeadTime", "30d, 7d, 1d");
        assertThatThrownBy(() -> KpiConfiguration.checkBands(form::get)).isInstanceOf(FormException.class);
    }

    @Test
    void defaultsAndBlanksPass() {
        Map<String, String> form = Map.of("bandDeploymentDays", "5, 1, 1", "bandLeadTime", "1d, 7d, 30d",
                "bandChangeFailurePercent", "", "bandTimeToRestore", "1h, 1d, 7d");
        assertThatCode(() -> KpiConfiguration.checkBands(form::get)).doesNotThrowAnyException();
    }
}
