package io.jenkins.plugins.devopskpi;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.jenkins.plugins.devopskpi.steps.RunEvents;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.RealJenkinsExtension;

/**
 * The plugin in a real Jenkins process with real plugin class loaders (RealJenkinsExtension): the embedded store
 * opens from the plugin's own loader while Jenkins' threads carry core's context class loader, every step runs
 * under the default durability (running executions written to program.dat), and what the steps queued is stored
 * and survives a restart. Runs only in the -Pjenkins build (repo.jenkins-ci.org).
 */
class JenkinsRuntimeITest {
    @RegisterExtension
    private final RealJenkinsExtension jenkins = new RealJenkinsExtension();

    @Test
    void everyStepWorksInsideJenkinsClassLoadersAndSurvivesARestart() throws Throwable {
        jenkins.then(JenkinsRuntimeITest::runEveryStep);
        jenkins.then(JenkinsRuntimeITest::storedAfterRestart);
    }

    private static void runEveryStep(JenkinsRule r) throws Throwable {
        WorkflowJob job = r.createProject(WorkflowJob.class, "deploy-shop");
        job.setDefinition(new CpsFlowDefinition("""
                recordDeployment application: 'shop', environment: 'production'
                deployment(application: 'shop', environment: 'staging') { echo 'rolling out' }
                recordIncident id: 'INC-1', application: 'shop', environment: 'production', severity: 'major'
                resolveIncident id: 'INC-1'
                def verdict = kpiGate application: 'shop', window: '7d', deploymentsPerWeek: '>= 100',
                        onBreach: 'WARNING'
                echo "verdict ${verdict.status}"
                """, true));
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("devops-kpi: recorded incident INC-1", run);
        r.assertLogContains("verdict FAILED", run);
        r.assertLogNotContains("StoreException", run);
        r.assertLogNotContains("NotSerializableException", run);

        assertThat(RunEvents.awaitRecorder(Duration.ofSeconds(30))).isTrue();
        EmbeddedKpis backend = KpiConfiguration.get().backend();
        backend.flush();
        assertThat(backend.outbox().pending()).as("events the store never took").isEmpty();
        assertThat(backend.events().findDeployment("jenkins:deploy-shop#1:shop:production")).isPresent();
        assertThat(backend.events().findDeployment("jenkins:deploy-shop#1:shop:staging")).isPresent();
        assertThat(backend.events().findIncident("INC-1").orElseThrow().resolved()).isNotNull();
        assertThat(run.getResult()).isEqualTo(Result.SUCCESS);
    }

    private static void storedAfterRestart(JenkinsRule r) throws Throwable {
        EmbeddedKpis backend = KpiConfiguration.get().backend();
        assertThat(backend.events().findDeployment("jenkins:deploy-shop#1:shop:production")).isPresent();
        assertThat(backend.events().findIncident("INC-1")).isPresent();
    }
}
