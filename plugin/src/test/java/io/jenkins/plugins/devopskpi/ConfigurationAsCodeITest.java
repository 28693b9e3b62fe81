package io.jenkins.plugins.devopskpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.jenkins.plugins.devopskpi.rules.JobRule;
import org.junit.jupiter.api.Test;

/** JCasC loads the configuration from YAML (real Jenkins; -Pjenkins build only). */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeITest {
    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void loadsControllerNameRulesAndBands(JenkinsConfiguredWithCodeRule j) {
        KpiConfiguration configuration = KpiConfiguration.get();
        assertThat(configuration.getControllerName()).isEqualTo("ci-eu");
        assertThat(configuration.getDatabaseUrl()).isNull();
        assertThat(configuration.getRules()).extracting(JobRule::getPattern, JobRule::getApplication,
                JobRule::getKind, JobRule::getTeam).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("shop/deploy-*", "shop", "NORMAL", "payments"),
                        org.assertj.core.groups.Tuple.tuple("/billing-.*-hotfix/", "billing", "HOTFIX", null));
        assertThat(configuration.getRules().get(1).rule().matches("billing-eu-hotfix")).isTrue();
        assertThat(configuration.getBandLeadTime()).isEqualTo("4h, 2d, 14d");
        assertThat(configuration.getBandChangeFailurePercent()).isEqualTo("2.5, 5, 20");
        assertThat(configuration.getRetention()).isEqualTo("P2Y");
        assertThat(configuration.retention().period()).isEqualTo(java.time.Period.ofYears(2));
        assertThat(configuration.getBandTimeToRestore()).as("not given: the default").isEqualTo("1h, 1d, 7d");
    }
}
