package io.devopskpi.core.kpi;

import static io.devopskpi.core.testing.Scenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.Scenario;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** metrics.md "Platform re-use". */
class PlatformReuseTest {
    private final Scenario s = Scenario.h2().now("2026-02-10T00:00");

    @BeforeEach
    void events() {
        s.assign("shop", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);
        s.deploy("o1", "shop", "2025-12-20T10:00", DeploymentResult.SUCCESS, b -> b.components(List.of(
                new Component("lib", "9.9.9"))));                                          // before the window
        s.deploy("d1", "shop", "2026-01-05T10:00", DeploymentResult.SUCCESS, b -> b.components(List.of(
                new Component("lib", "3.9.0"), new Component("base", "1.0"))));
        s.deploy("d2", "shop", "2026-01-10T10:00", DeploymentResult.SUCCESS, b -> b.components(List.of(
                new Component("lib", "3.10.0"), new Component("base", "1.0"))));             // shop's latest
        s.deploy("s1", "search", "2026-01-08T10:00", DeploymentResult.SUCCESS, b -> b.components(List.of(
                new Component("lib", "3.9.0"))));
        s.deploy("b1", "billing", "2026-01-09T10:00", DeploymentResult.SUCCESS, b -> b.components(List.of(
                new Component("base", "2.0"), new Component("tool", "1.0"))));
        s.deploy("b2", "billing", "2026-01-12T10:00", DeploymentResult.FAILURE, b -> b.components(List.of(
                new Component("lib", "4.0.0"))));                                          // not a SUCCESS
        s.success("l1", "lonely", "2026-01-11T10:00");                                     // no components
    }

    @AfterEach
    void closeStore() {
        s.close();
    }

    private ComponentReport components(Scope scope) {
        return s.service().components(new KpiQuery(scope, Scenario.PRODUCTION, t("2026-01-01T00:00"),
                t("2026-02-01T00:00"), ZoneOffset.UTC));
    }

    private static ComponentReport.ComponentUse use(ComponentReport report, String name) {
        return report.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everythingCountsLatestSuccessfulComponentsAgainstTheNewestVersion() {
        ComponentReport report = components(Scope.all());
        // latest SUCCESS per application: shop d2 (lib 3.10.0, base 1.0), search s1 (lib 3.9.0),
        // billing b1 (base 2.0, tool 1.0), lonely l1 (none). b2's lib 4.0.0 failed, o1 is before the window.
        assertThat(report.components()).extracting(ComponentReport.ComponentUse::name)
                .containsExactly("base", "lib", "tool");
        // lib: newest 3.10.0 (3.10.0 > 3.9.0 numerically); 2 applications, 1 on it → 0.5; shared (2 users)
        ComponentReport.ComponentUse lib = use(report, "lib");
        assertThat(lib.applications()).isEqualTo(2);
        assertThat(lib.newestVersion()).isEqualTo("3.10.0");
        assertThat(lib.versions()).containsExactly(Map.entry("3.9.0", 1), Map.entry("3.10.0", 1));
        assertThat(lib.onNewest()).isCloseTo(0.5, within(1e-12));
        assertThat(lib.shared()).isTrue();
        // base: newest 2.0; shop 1.0, billing 2.0 → 1 of 2 = 0.5; tool: billing only → not shared, 1 of 1 on newest
        assertThat(use(report, "base").onNewest()).isCloseTo(0.5, within(1e-12));
        assertThat(use(report, "tool").shared()).isFalse();
        assertThat(use(report, "tool").onNewest()).isEqualTo(1.0);
        // applications: shop, search, billing, lonely = 4; using a shared component: shop (lib, base), search
        // (lib), billing (base) = 3 → 3 ÷ 4 = 0.75
        assertThat(report.applications()).isEqualTo(4);
        assertThat(report.sharedComponentUse()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void oneApplicationIsJudgedAgainstTheWholeEnvironment() {
        ComponentReport report = components(Scope.application("search"));
        // search uses lib 3.9.0; the environment's newest lib is shop's 3.10.0 → 0 of 1; lib is shared → 1 ÷ 1
        assertThat(report.components()).hasSize(1);
        assertThat(use(report, "lib").onNewest()).isEqualTo(0.0);
        assertThat(use(report, "lib").shared()).isTrue();
        assertThat(report.sharedComponentUse()).isEqualTo(1.0);
    }

    @Test
    void aSupplierSeesTheApplicationsItDelivers() {
        ComponentReport report = components(Scope.supplier("acme"));
        // acme: shop only → lib 3.10.0 (newest: 1.0), base 1.0 (newest 2.0: 0.0); shared use 1 ÷ 1
        assertThat(report.components()).extracting(ComponentReport.ComponentUse::name).containsExactly("base", "lib");
        assertThat(use(report, "lib").onNewest()).isEqualTo(1.0);
        assertThat(use(report, "base").onNewest()).isEqualTo(0.0);
        assertThat(report.sharedComponentUse()).isEqualTo(1.0);
        // a supplier with no applications has no share
        assertThat(components(Scope.supplier("nobody")).sharedComponentUse()).isNull();
    }

    @Test
    void versionsCompareNumericPartsAsNumbers() {
        assertThat(ComponentVersion.compare("3.10.0", "3.9.0")).isPositive();
        assertThat(ComponentVersion.compare("21.0.4", "21.0.12")).isNegative();
        assertThat(ComponentVersion.compare("3.2.1", "3.2")).isPositive();
        assertThat(ComponentVersion.compare("3.2.0-beta", "3.2.0")).isNegative();
        assertThat(ComponentVersion.compare("1.0.0", "1.0.0")).isZero();
        assertThat(ComponentVersion.compare("2.0.beta", "2.0.0")).isNegative();
    }
}
