package io.devopskpi.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.model.DeploymentKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentTargetTest {
    private static PipelineRule rule(String pattern, String application, String environment) {
        return new PipelineRule(pattern, application, environment, null, null);
    }

    @Test
    void globsStayInTheirFolderUnlessDoubled() {
        assertThat(rule("shop/deploy-*", "shop", "production").matches("shop/deploy-prod")).isTrue();
        assertThat(rule("shop/deploy-*", "shop", "production").matches("shop/deploy/prod")).isFalse();
        assertThat(rule("**/deploy", "shop", "production").matches("a/b/deploy")).isTrue();
        assertThat(rule("shop-?", "shop", "production").matches("shop-1")).isTrue();
        assertThat(rule("shop.deploy", "shop", "production").matches("shopXdeploy")).isFalse();
    }

    @Test
    void slashesMakeARegularExpression() {
        assertThat(rule("/shop-(eu|us)-prod/", "shop", "production").matches("shop-eu-prod")).isTrue();
        assertThatThrownBy(() -> rule("/shop-(/", "shop", "production"))
                .hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> rule(" ", "shop", "production")).hasMessageContaining("pattern must not be blank");
    }

    @Test
    void theFirstMatchingRuleNamesTheTarget() {
        PipelineRule hotfix = new PipelineRule("shop/hotfix", "shop", "production", DeploymentTarget.kind("hotfix"),
                " payments ");
        List<PipelineRule> rules = List.of(hotfix, rule("shop/*", "shop", "staging"));

        assertThat(DeploymentTarget.resolve(rules, "shop/hotfix", Map.of()))
                .contains(new DeploymentTarget("shop", "production", DeploymentKind.HOTFIX, "payments"));
        assertThat(DeploymentTarget.resolve(rules, "shop/main", Map.of()))
                .contains(new DeploymentTarget("shop", "staging", DeploymentKind.NORMAL, null));
        assertThat(DeploymentTarget.resolve(rules, "billing/main", Map.of())).isEmpty();
    }

    @Test
    void variablesWinOverRulesAndCanStandAlone() {
        List<PipelineRule> rules = List.of(rule("shop/*", "shop", "staging"));
        assertThat(DeploymentTarget.resolve(rules, "shop/main", Map.of(DeploymentTarget.ENVIRONMENT, "production",
                DeploymentTarget.KIND, "ROLLBACK")))
                .contains(new DeploymentTarget("shop", "production", DeploymentKind.ROLLBACK, null));
        assertThat(DeploymentTarget.resolve(List.of(), "any", Map.of(DeploymentTarget.APPLICATION, "billing",
                DeploymentTarget.ENVIRONMENT, "qa"))).contains(new DeploymentTarget("billing", "qa",
                DeploymentKind.NORMAL, null));
        assertThat(DeploymentTarget.resolve(List.of(), "any", Map.of(DeploymentTarget.APPLICATION, "billing")))
                .as("no environment, no deployment").isEmpty();
        assertThatThrownBy(() -> DeploymentTarget.resolve(rules, "shop/main", Map.of(DeploymentTarget.KIND, "big")))
                .hasMessageContaining("kind must be NORMAL, HOTFIX or ROLLBACK: 'big'");
    }

    @Test
    void eventIdsAreStablePerRunAndTarget() {
        DeploymentTarget target = new DeploymentTarget("shop", "production", DeploymentKind.NORMAL, null);
        assertThat(target.eventId("jenkins", null, "shop/deploy#42")).isEqualTo("jenkins:shop/deploy#42:shop:production");
        assertThat(target.eventId("jenkins", " ci-eu ", "shop/deploy#42"))
                .isEqualTo("jenkins:ci-eu:shop/deploy#42:shop:production");
        assertThat(target.eventId("jenkins", "", "shop/deploy#42"))
                .isEqualTo(target.eventId("jenkins", null, "shop/deploy#42"));
    }
}
