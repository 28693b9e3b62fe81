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
        for (String bad : new String[] {"ftp://kpi.example.com", "kpi.example.com", "", "https://u:p@kpi.example.com",
                "https://kpi.example.com/?token=x", "http://"}) {
            assertThatThrownBy(() -> CentralServer.url(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("serverUrl").hasMessageContaining("'" + bad + "'");
        }
    }
}
