package io.jenkins.plugins.devopskpi.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code components} argument of recordDeployment and deployment { } becomes the recorded event's components. */
class DeploymentStepComponentsTest {
    private static final Instant STARTED = Instant.parse("2026-01-31T10:00:00Z");
    private static final String COMPONENTS = "pipeline-lib@3.2.0, base-image-jre@21.0.4";
    private static final List<Component> PARSED = List.of(new Component("pipeline-lib", "3.2.0"),
            new Component("base-image-jre", "21.0.4"));

    private static Deployment event(RecordDeploymentStep step) {
        return RunEvents.deployment("jenkins:deploy#1:shop:production", step.target(), step.components(), STARTED,
                STARTED.plusSeconds(60), DeploymentResult.SUCCESS, List.of(), "deploy", null);
    }

    @Test
    void recordDeploymentsComponentsBecomeTheEvents() {
        RecordDeploymentStep step = new RecordDeploymentStep("shop", "production");
        step.setComponents(COMPONENTS);
        Deployment deployment = event(step);
        assertThat(deployment.components()).containsExactlyElementsOf(PARSED);
        assertThat(deployment.application()).isEqualTo("shop");
    }

    @Test
    void theBlockStepsComponentsBecomeTheEvents() {
        DeploymentStep step = new DeploymentStep("shop", "production");
        step.setComponents("pipeline-lib@3.2.0\nbase-image-jre@21.0.4\n");
        assertThat(step.getComponents()).isEqualTo("pipeline-lib@3.2.0\nbase-image-jre@21.0.4\n");
        Deployment deployment = RunEvents.deployment("jenkins:deploy#1:shop:production", step.target(),
                step.components(), STARTED, STARTED.plusSeconds(60), DeploymentResult.FAILURE, List.of(), "deploy",
                null);
        assertThat(deployment.components()).containsExactlyElementsOf(PARSED);
    }

    @Test
    void withoutTheArgumentTheEventHasNoComponents() {
        assertThat(event(new RecordDeploymentStep("shop", "production")).components()).isEmpty();
        assertThat(new DeploymentStep("shop", "production").components()).isEmpty();
    }

    @Test
    void aMalformedItemIsNamed() {
        RecordDeploymentStep step = new RecordDeploymentStep("shop", "production");
        step.setComponents("pipeline-lib@3.2.0, base-image-jre");
        assertThatThrownBy(step::components).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("component 'base-image-jre' is not name@version");
        DeploymentStep block = new DeploymentStep("shop", "production");
        block.setComponents("pipeline-lib@3.2.0, pipeline-lib@3.3.0");
        assertThatThrownBy(block::components).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("component 'pipeline-lib@3.3.0' names 'pipeline-lib' a second time");
    }
}
