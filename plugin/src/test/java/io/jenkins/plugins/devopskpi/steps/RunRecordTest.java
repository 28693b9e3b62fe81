package io.jenkins.plugins.devopskpi.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.gate.GateStatus;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.OnBreach;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.metric.Threshold;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a run keeps of its deployments and gate verdicts, as its {@code api/json} shows them. */
class RunRecordTest {
    private static final Instant STARTED = Instant.parse("2026-01-31T10:00:00Z");
    private static final DeploymentTarget SHOP = new DeploymentTarget("shop", "production", DeploymentKind.HOTFIX,
            null);
    private static final String RUN_URL = "https://ci.example/job/shop/job/deploy/42/";

    private static Deployment deployment(DeploymentResult result) {
        return RunEvents.deployment("jenkins:shop/deploy#42:shop:production", SHOP,
                List.of(new Component("pipeline-lib", "3.2.0")), STARTED, STARTED.plusSeconds(60), result,
                List.of(new Change("a1", STARTED.minusSeconds(600), "ann"), new Change("b2", STARTED, "bo")),
                "shop/deploy", RUN_URL);
    }

    @Test
    void theEventCarriesTheRunsJobAndPage() {
        Deployment deployment = deployment(DeploymentResult.SUCCESS);

        assertThat(deployment.pipeline()).isEqualTo("shop/deploy");
        assertThat(deployment.url()).isEqualTo(RUN_URL);
    }

    @Test
    void theRunsPageIsJenkinsUrlAndTheRunsPathWhenThatIsHttp() {
        assertThat(RunEvents.runUrl("https://ci.example/", "job/shop/job/deploy/42/")).isEqualTo(RUN_URL);
        assertThat(RunEvents.runUrl("https://ci.example", "job/shop/job/deploy/42/")).isEqualTo(RUN_URL);
        assertThat(RunEvents.runUrl("http://ci.example/jenkins/", "job/a/1/"))
                .isEqualTo("http://ci.example/jenkins/job/a/1/");
        assertThat(RunEvents.runUrl(null, "job/a/1/")).as("Jenkins does not know its URL").isNull();
        assertThat(RunEvents.runUrl("javascript:alert(1)//", "job/a/1/")).isNull();
    }

    @Test
    void theRunKeepsEachQueuedDeploymentInOrder() {
        RunEvents.Recorded recorded = new RunEvents.Recorded();
        recorded.add(new RecordedDeployment(deployment(DeploymentResult.FAILURE)));
        recorded.add(new RecordedDeployment(deployment(DeploymentResult.SUCCESS)));

        assertThat(recorded.getDeployments()).hasSize(2);
        RecordedDeployment first = recorded.getDeployments().get(0);
        assertThat(first.getId()).isEqualTo("jenkins:shop/deploy#42:shop:production");
        assertThat(first.getApplication()).isEqualTo("shop");
        assertThat(first.getEnvironment()).isEqualTo("production");
        assertThat(first.getKind()).isEqualTo("HOTFIX");
        assertThat(first.getResult()).isEqualTo("FAILURE");
        assertThat(first.getChanges()).isEqualTo(2);
        assertThat(first.getComponents()).isEqualTo(1);
        assertThat(recorded.getDeployments().get(1).getResult()).isEqualTo("SUCCESS");
        assertThat(recorded.getGates()).isEmpty();
    }

    @Test
    void theRunKeepsEachGateVerdict() {
        KpiGate gate = new KpiGate(KpiQuery.ending(Scope.application("shop"), "staging", STARTED,
                KpiQuery.DEFAULT_WINDOW, ZoneOffset.UTC),
                List.of(new Threshold(GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.9)), 1, false,
                OnBreach.UNSTABLE);
        RunEvents.Recorded recorded = new RunEvents.Recorded();
        recorded.add(RecordedGate.of("release", new GateVerdict(gate, GateStatus.FAILED, List.of(),
                "changeSuccessRate 0.5 < 0.9")));

        RecordedGate kept = recorded.getGates().get(0);
        assertThat(kept.getPolicy()).isEqualTo("release");
        assertThat(kept.getScope()).isEqualTo("application=shop");
        assertThat(kept.getEnvironment()).isEqualTo("staging");
        assertThat(kept.getStatus()).isEqualTo("FAILED");
        assertThat(kept.isBreached()).isTrue();
        assertThat(kept.getMessage()).isEqualTo("changeSuccessRate 0.5 < 0.9");
    }

    @Test
    void aRecordWrittenBeforeTheListsExistedShowsThemEmpty() throws Exception {
        RunEvents.Recorded old = new RunEvents.Recorded();
        for (String name : List.of("deployments", "gates")) { // what XStream leaves of a field build.xml lacks
            Field field = RunEvents.Recorded.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(old, null);
        }

        assertThat(old.getDeployments()).isEmpty();
        assertThat(old.getGates()).isEmpty();
        old.add(new RecordedDeployment(deployment(DeploymentResult.SUCCESS)));
        assertThat(old.getDeployments()).hasSize(1);
    }
}
