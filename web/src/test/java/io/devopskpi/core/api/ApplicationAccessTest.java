package io.devopskpi.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationAccessTest {
    private static final Map<String, List<String>> PIPELINES = Map.of(
            "shop", List.of("shop/deploy", "shop/hotfix"), "billing", List.of("billing/deploy"));

    private static ApplicationAccess readerOf(String... readable) {
        return new ApplicationAccess(a -> PIPELINES.getOrDefault(a, List.of()), Set.of(readable)::contains);
    }

    @Test
    void anApplicationNeedsEveryPipelineThatDeployedIt() {
        assertThat(readerOf("shop/deploy", "shop/hotfix").mayRead(Map.of("application", List.of("shop")))).isTrue();
        assertThat(readerOf("shop/deploy").mayRead(Map.of("application", List.of("shop")))).isFalse();
        assertThat(readerOf("shop/deploy", "shop/hotfix").mayRead(Map.of("application", List.of("shop", "billing"))))
                .as("every application named").isFalse();
        assertThat(readerOf().mayRead(Map.of("application", List.of(" unknown ")))).as("nothing deployed it").isTrue();
    }

    @Test
    void answersAboutNoSingleApplicationNeedNoPipeline() {
        assertThat(readerOf().mayRead(Map.of())).isTrue();
        assertThat(readerOf().mayRead(Map.of("team", List.of("payments")))).isTrue();
        assertThat(readerOf().mayRead(Map.of("application", List.of("")))).isTrue();
    }

    @Test
    void listsOfSingleDeploymentsAndIncidentsAreAnsweredOnlyForOneApplication() {
        ApplicationAccess reader = readerOf("shop/deploy", "shop/hotfix");
        for (String endpoint : List.of("deployments", "failed-changes", "export.csv", "incidents")) {
            assertThat(reader.mayRead(endpoint, Map.of("team", List.of("payments")))).as(endpoint).isFalse();
            assertThat(reader.mayRead(endpoint, Map.of("application", List.of(" ")))).as(endpoint).isFalse();
            assertThat(reader.mayRead(endpoint, Map.of("application", List.of("shop")))).as(endpoint).isTrue();
            assertThat(reader.mayRead(endpoint, Map.of("application", List.of("billing")))).as(endpoint).isFalse();
        }
        assertThat(reader.mayRead("kpis", Map.of("team", List.of("payments")))).as("an aggregate").isTrue();
    }

    @Test
    void anApplicationIsVisibleWhenEveryPipelineThatDeployedItIs() {
        ApplicationAccess reader = readerOf("shop/deploy", "billing/deploy");
        assertThat(reader.mayReadApplication("billing")).isTrue();
        assertThat(reader.mayReadApplication("shop")).as("shop/hotfix is not readable").isFalse();
        assertThat(reader.mayReadApplication("unknown")).as("no pipeline to protect").isTrue();
    }
}
