package io.jenkins.plugins.devopskpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Descriptor.FormException;
import hudson.util.FormValidation;
import org.junit.jupiter.api.Test;

/** The central server's URL as the form checks it (issue 14, 3b): http or https with a host, or empty. */
class CentralServerSettingTest {
    @Test
    void emptyKeepsTheControllersOwnStore() {
        for (String empty : new String[] {null, "", "  "}) {
            FormValidation check = KpiConfiguration.checkServerUrlText(empty);
            assertThat(check.kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(check.getMessage()).contains("keeps its own store");
        }
    }

    @Test
    void anHttpOrHttpsUrlIsWhereTheEventsGo() {
        FormValidation check = KpiConfiguration.checkServerUrlText(" https://kpi.example.com/ ");
        assertThat(check.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(check.getMessage()).contains("https://kpi.example.com;");
        assertThat(KpiConfiguration.checkServerUrlText("http://10.1.2.3:8080").kind).isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void anythingElseIsAnErrorNamingTheValue() {
        for (String bad : new String[] {"kpi.example.com", "ftp://kpi.example.com", "https://", "javascript:alert(1)",
                "https://kpi.example.com/?x=1"}) {
            FormValidation check = KpiConfiguration.checkServerUrlText(bad);
            assertThat(check.kind).as(bad).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(check.getMessage()).as(bad).contains("http or https");
        }
    }

    @Test
    void aBadUrlIsAFormErrorOnItsFieldAndLeavesTheSettingsAsTheyWere() {
        assertThatThrownBy(() -> KpiConfiguration.checkServerUrl("kpi.example.com"))
                .isInstanceOf(FormException.class).hasMessageContaining("kpi.example.com");
        assertThatThrownBy(() -> KpiConfiguration.checkServerUrl("https://ci:s3cret@kpi.example.com"))
                .isInstanceOf(FormException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        assertThatCode(() -> KpiConfiguration.checkServerUrl("")).doesNotThrowAnyException();
        assertThatCode(() -> KpiConfiguration.checkServerUrl(null)).doesNotThrowAnyException();
        assertThatCode(() -> KpiConfiguration.checkServerUrl("https://kpi.example.com")).doesNotThrowAnyException();
    }
}
