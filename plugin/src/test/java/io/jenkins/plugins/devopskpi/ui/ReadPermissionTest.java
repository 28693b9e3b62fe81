package io.jenkins.plugins.devopskpi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadPermissionTest {
    private static final Map<String, List<String>> PIPELINES = Map.of("shop", List.of("shop/deploy"),
            "billing", List.of("billing/deploy"));

    private record Reader(boolean admin, Set<String> jobs) implements KpiReader {
        @Override
        public boolean mayReadOverall() {
            return true;
        }

        @Override
        public boolean isAdministrator() {
            return admin;
        }

        @Override
        public boolean mayReadJob(String fullName) {
            return jobs.contains(fullName);
        }
    }

    private final List<String> asked = new ArrayList<>();

    private ReadPermission of(Reader reader) {
        return new ReadPermission(reader, a -> PIPELINES.getOrDefault(a, List.of()), () -> {
            asked.add("all");
            return PIPELINES.values().stream().flatMap(Collection::stream).toList();
        });
    }

    @Test
    void anEndpointNotNamedAsApplicationScopedNeedsEveryApplication() {
        Map<String, List<String>> shop = Map.of("application", List.of("shop"));
        ReadPermission someJobs = of(new Reader(false, Set.of("shop/deploy")));
        assertThat(someJobs.decide("some-new-endpoint", shop).allowed()).isFalse();
        assertThat(someJobs.decide("surveys", shop).allowed()).as("a survey may name other applications").isFalse();
        assertThat(someJobs.decide("kpis", shop).allowed()).isTrue();
        assertThat(of(new Reader(false, Set.of("shop/deploy", "billing/deploy"))).decide("some-new-endpoint",
                Map.of()).allowed()).isTrue();
    }

    @Test
    void theApplicationListShowsOnlyReadableApplications() {
        ReadPermission.Decision decision = of(new Reader(false, Set.of("shop/deploy"))).decide("applications",
                Map.of());
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.visibleApplication().test("shop")).isTrue();
        assertThat(decision.visibleApplication().test("billing")).isFalse();
        assertThat(of(new Reader(false, Set.of("shop/deploy", "billing/deploy"))).decide("applications", Map.of())
                .visibleApplication()).as("a reader of everything gets the plain list").isNull();
    }

    @Test
    void anAdministratorNeedsNoLookOverEveryPipeline() {
        assertThat(of(new Reader(true, Set.of())).decide("suppliers", Map.of()).allowed()).isTrue();
        assertThat(asked).isEmpty();
    }
}
