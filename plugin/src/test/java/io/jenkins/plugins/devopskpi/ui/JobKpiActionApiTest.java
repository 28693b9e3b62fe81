package io.jenkins.plugins.devopskpi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.model.DeploymentKind;
import org.junit.jupiter.api.Test;

/** The job action's remote API and its links to the application's pages under {@code /devops-kpi/}. */
class JobKpiActionApiTest {
    private static final DeploymentTarget SHOP = new DeploymentTarget("shop", "production", DeploymentKind.NORMAL,
            null);

    @Test
    void theApiServesTheActionItselfWithItsKpis() throws Exception {
        JobKpis kpis = JobKpis.withoutFigures("hidden");
        JobKpiAction action = new JobKpiAction(SHOP, target -> null, target -> target == SHOP ? kpis : null);

        assertThat(action.getApi().bean).isSameAs(action);
        assertThat(action.getKpis()).isSameAs(kpis);
        assertThat(action.getApplication()).isEqualTo("shop");
        assertThat(action.getEnvironment()).isEqualTo("production");
    }

    @Test
    void linksToTheApplicationsDashboardPageComparisonAndFigures() {
        JobKpiAction action = new JobKpiAction(SHOP, target -> null);

        assertThat(action.getApplicationUrl()).isEqualTo("devops-kpi/applications/shop");
        assertThat(action.getComparisonUrl()).isEqualTo("devops-kpi/compare");
        assertThat(action.getKpisApiUrl()).isEqualTo("devops-kpi/api/v1/kpis?application=shop");
    }

    @Test
    void linksKeepTheEnvironmentAndEncodeNames() {
        JobKpiAction action = new JobKpiAction(new DeploymentTarget("web shop/eu", "staging & qa",
                DeploymentKind.NORMAL, null), target -> null);

        assertThat(action.getApplicationUrl())
                .isEqualTo("devops-kpi/applications/web%20shop%2Feu?environment=staging%20%26%20qa");
        assertThat(action.getComparisonUrl()).isEqualTo("devops-kpi/compare?environment=staging%20%26%20qa");
        assertThat(action.getKpisApiUrl())
                .isEqualTo("devops-kpi/api/v1/kpis?application=web%20shop%2Feu&environment=staging%20%26%20qa");
    }
}
