package io.jenkins.plugins.devopskpi.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.OnBreach;
import io.devopskpi.core.kpi.Scope;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KpiGateStepTest {
    private static final Instant NOW = Instant.parse("2026-01-31T00:00:00Z");
    private static final GatePolicyLookup NO_POLICIES = (name, now) -> Optional.empty();

    @Test
    void stepArgumentsBecomeCoresGate() {
        KpiGateStep step = new KpiGateStep();
        step.setTeam("payments");
        step.setWindow("7d");
        step.setChangeSuccessRate(">= 0.9");
        step.setTimeToRestoreMedian("<= 4h");
        step.setOnBreach("unstable");
        KpiGate gate = step.gate(NOW, NO_POLICIES);
        assertThat(gate.query().scope()).isEqualTo(Scope.team("payments"));
        assertThat(gate.thresholds()).extracting(t -> t.metric().apiName())
                .containsExactly("changeSuccessRate", "timeToRestoreMedian");
        assertThat(gate.onBreach()).isEqualTo(OnBreach.UNSTABLE);
    }

    @Test
    void governanceMetricsAreThresholdsToo() {
        KpiGateStep step = new KpiGateStep();
        step.setSupplier("acme");
        step.setStakeholderSatisfaction(">= 3.5");
        step.setSharedComponentUse(">= 0.5");
        KpiGate gate = step.gate(NOW, NO_POLICIES);
        assertThat(gate.query().scope()).isEqualTo(Scope.supplier("acme"));
        assertThat(gate.thresholds()).extracting(t -> t.metric().apiName(), t -> t.value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stakeholderSatisfaction", 3.5),
                        org.assertj.core.groups.Tuple.tuple("sharedComponentUse", 0.5));
    }

    @Test
    void aPolicyNamesTheWholeGate() {
        KpiGateStep step = new KpiGateStep();
        step.setPolicy("release");
        KpiGateStep own = new KpiGateStep();
        own.setApplication("shop");
        own.setChangeFailureRate("<= 0.15");
        KpiGate release = own.gate(NOW, NO_POLICIES);
        assertThat(step.gate(NOW, (name, now) -> Optional.of(release))).isEqualTo(release);

        step.setTeam("payments");
        assertThatThrownBy(() -> step.gate(NOW, (name, now) -> Optional.of(release)))
                .hasMessageContaining("leave out team");
    }

    @Test
    void minSeverityNarrowsTheIncidentsOfTheGatesQuery() {
        KpiGateStep step = new KpiGateStep();
        step.setApplication("shop");
        step.setTimeToResolveMean("<= 4h");
        assertThat(step.gate(NOW, NO_POLICIES).query().minSeverity()).isNull();

        step.setMinSeverity("major");
        assertThat(step.gate(NOW, NO_POLICIES).query().minSeverity())
                .isEqualTo(io.devopskpi.core.model.Severity.MAJOR);
        KpiGate release = step.gate(NOW, NO_POLICIES);
        KpiGateStep withPolicy = new KpiGateStep();
        withPolicy.setPolicy("release");
        withPolicy.setMinSeverity("critical");
        assertThat(withPolicy.gate(NOW, (name, now) -> Optional.of(release)).query().minSeverity())
                .isEqualTo(io.devopskpi.core.model.Severity.CRITICAL);

        step.setMinSeverity("sev1");
        assertThatThrownBy(() -> step.gate(NOW, NO_POLICIES))
                .hasMessage("minSeverity must be critical, major or minor, got 'sev1'");
    }

    @Test
    void anUnknownPolicyIsNamed() {
        KpiGateStep step = new KpiGateStep();
        step.setPolicy("release");
        assertThatThrownBy(() -> step.gate(NOW, NO_POLICIES)).hasMessage("no gate policy is named 'release'");
    }

    @Test
    void argumentsGivenWithAPolicyReplaceItsOwnAsOverHttp() {
        KpiGateStep own = new KpiGateStep();
        own.setApplication("shop");
        own.setChangeFailureRate("<= 0.15");
        KpiGate release = own.gate(NOW, NO_POLICIES);
        GatePolicyLookup policies = (name, now) -> Optional.of(release);

        // issue 12: kpiGate(policy: 'release', onBreach: 'WARNING', minSamples: 50, failOnInsufficientData: true)
        // used to run with FAILURE / 0 / false
        KpiGateStep step = new KpiGateStep();
        step.setPolicy("release");
        step.setOnBreach("WARNING");
        step.setMinSamples(50);
        step.setFailOnInsufficientData(true);
        step.setWindow("7d");
        KpiGate gate = step.gate(NOW, policies);
        assertThat(gate.onBreach()).isEqualTo(OnBreach.WARNING);
        assertThat(gate.minSamples()).isEqualTo(50);
        assertThat(gate.failOnInsufficientData()).isTrue();
        assertThat(java.time.Duration.between(gate.query().from(), gate.query().to()))
                .isEqualTo(java.time.Duration.ofDays(7));
        assertThat(gate.query().scope()).isEqualTo(Scope.application("shop"));
        assertThat(gate.thresholds()).isEqualTo(release.thresholds());

        // the same body over HTTP gives the same gate
        KpiGate http = io.devopskpi.core.json.GateJson.parse("{\"policy\": \"release\", \"onBreach\": \"WARNING\", "
                + "\"minSamples\": 50, \"failOnInsufficientData\": true, \"window\": \"7d\"}", NOW, policies);
        assertThat(gate).isEqualTo(http);
    }

    @Test
    void timeToResolveIsAThreshold() {
        KpiGateStep step = new KpiGateStep();
        step.setSupplier("opsco");
        step.setTimeToResolveMean("<= 4h");
        step.setTimeToResolveMedian("< 2h");
        assertThat(step.gate(NOW, NO_POLICIES).thresholds()).extracting(t -> t.metric().apiName(), t -> t.value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("timeToResolveMean", 14_400.0),
                        org.assertj.core.groups.Tuple.tuple("timeToResolveMedian", 7_200.0));
    }
}
