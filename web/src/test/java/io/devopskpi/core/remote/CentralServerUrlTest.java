package io.devopskpi.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CentralServerUrlTest {
    @Test
    void takesHttpAndHttpsWithoutTheTrailingSlash() {
        assertThat(CentralServer.url(" https://kpi.example.com/ ").toString()).isEqualTo("https://kpi.example.com");
        assertThat(CentralServer.url("http://10.0.0.5:8080/kpi").toString()).isEqualTo("http://10.0.0.5:8080/kpi");
    }

    @Test
    void refusesOtherSchemesNamingTheFieldAndTheValue() {
        for (String bad : new String[] {"ftp://kpi.example.com", "kpi.example.com", "", "https://kpi.example.com/?x=1",
                "http://", "https://kpi.example.com/#top"}) {
            assertThatThrownBy(() -> CentralServer.url(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("serverUrl").hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void aPasswordWrittenIntoTheUrlIsNeitherTakenNorQuoted() {
        assertThatThrownBy(() -> CentralServer.url("https://ci:s3cret@kpi.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'https://…@kpi.example.com'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }
}
