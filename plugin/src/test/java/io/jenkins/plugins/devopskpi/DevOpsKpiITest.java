package io.jenkins.plugins.devopskpi;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.jenkins.plugins.devopskpi.rules.JobRule;
import io.jenkins.plugins.devopskpi.ui.JobKpiAction;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Real Jenkins (JenkinsRule): runs only in the -Pjenkins build, where repo.jenkins-ci.org is reachable. */
@WithJenkins
class DevOpsKpiITest {
    private static Deployment stored(String id) throws Exception {
        // the run listener and deployment {} record on the plugin's recorder thread, after the build goes on
        assertThat(io.jenkins.plugins.devopskpi.steps.RunEvents.awaitRecorder(java.time.Duration.ofSeconds(30)))
                .isTrue();
        KpiConfiguration configuration = KpiConfiguration.get();
        configuration.backend().flush();
        return configuration.backend().events().findDeployment(id).orElse(null);
    }

    @Test
    void theListenerRecordsARunOfAMatchingJob(JenkinsRule j) throws Exception {
        KpiConfiguration.get().setRules(List.of(new JobRule("deploy-*", "shop", "production")));
        WorkflowJob job = j.createProject(WorkflowJob.class, "deploy-shop");
        job.setDefinition(new CpsFlowDefinition("""
                echo 'deploying'
                """, true));
        WorkflowRun run = j.buildAndAssertSuccess(job);

        Deployment deployment = stored("jenkins:deploy-shop#1:shop:production");
        assertThat(deployment).isNotNull();
        assertThat(deployment.result()).isEqualTo(DeploymentResult.SUCCESS);
        assertThat(deployment.pipeline()).isEqualTo("deploy-shop");
        // recorded on the recorder thread once the run completed, when its log is closed: nothing more to read there
        assertThat(run.getResult()).isEqualTo(Result.SUCCESS);
    }

    @Test
    void stepsRecordDeploymentsAndTheBlockStepTakesTheBodysOutcome(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "pipeline");
        job.setDefinition(new CpsFlowDefinition("""
                recordDeployment application: 'shop', environment: 'staging', components: 'pipeline-lib@3.2.0'
                catchError(buildResult: 'SUCCESS', stageResult: 'FAILURE') {
                    deployment(application: 'billing', environment: 'production',
                            components: 'pipeline-lib@3.2.0, base-image-jre@21.0.4') {
                        error 'rollout failed'
                    }
                }
                """, true));
        j.buildAndAssertSuccess(job);

        assertThat(stored("jenkins:pipeline#1:shop:staging").result()).isEqualTo(DeploymentResult.SUCCESS);
        assertThat(stored("jenkins:pipeline#1:billing:production").result()).isEqualTo(DeploymentResult.FAILURE);
        assertThat(stored("jenkins:pipeline#1:shop:staging").components())
                .containsExactly(new Component("pipeline-lib", "3.2.0"));
        assertThat(stored("jenkins:pipeline#1:billing:production").components())
                .containsExactlyInAnyOrder(new Component("pipeline-lib", "3.2.0"),
                        new Component("base-image-jre", "21.0.4"));
    }

    @Test
    void aJobThatDeployedThroughTheStepsGetsThePageOfWhatItDeployedLast(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "release-train");
        job.setDefinition(new CpsFlowDefinition("""
                recordDeployment application: 'billing', environment: 'production'
                recordDeployment application: 'shop', environment: 'staging'
                """, true));
        j.buildAndAssertSuccess(job);
        KpiConfiguration.get().backend().flush();

        assertThat(job.getAction(JobKpiAction.class).getTarget().application())
                .isEqualTo("shop");
        JenkinsRule.WebClient web = j.createWebClient();
        web.getOptions().setJavaScriptEnabled(false);
        HtmlPage page = web.goTo("job/release-train/devops-kpi/");
        assertThat(page.asNormalizedText()).contains("shop in staging");
        String html = page.getWebResponse().getContentAsString();
        assertThat(html).contains("data-application=\"shop\"").contains("data-environment=\"staging\"")
                .contains("data-api=\"/jenkins/devops-kpi/api/v1\"").contains("/jenkins/devops-kpi/assets/job-trend.js")
                .contains("plugin/echarts-api/js/echarts.min.js");
        assertThat(j.createProject(WorkflowJob.class, "never-deployed")
                .getAction(JobKpiAction.class)).isNull();
    }

    @Test
    void kpiGateFailsTheBuildOnABreachAndPassesOtherwise(JenkinsRule j) throws Exception {
        WorkflowJob seed = j.createProject(WorkflowJob.class, "seed");
        seed.setDefinition(new CpsFlowDefinition("""
                recordDeployment application: 'shop', environment: 'production'
                """, true));
        j.buildAndAssertSuccess(seed);
        KpiConfiguration.get().backend().flush();

        WorkflowJob gate = j.createProject(WorkflowJob.class, "gate");
        gate.setDefinition(new CpsFlowDefinition("""
                def verdict = kpiGate application: 'shop', window: '7d', deploymentsPerWeek: '>= 1'
                echo "verdict ${verdict.status}"
                """, true));
        j.assertLogContains("verdict PASSED", j.buildAndAssertSuccess(gate));

        gate.setDefinition(new CpsFlowDefinition("""
                kpiGate application: 'shop', window: '7d', deploymentsPerWeek: '>= 100'
                """, true));
        WorkflowRun failed = j.buildAndAssertStatus(Result.FAILURE, gate);
        j.assertLogContains("kpiGate: FAILED", failed);

        gate.setDefinition(new CpsFlowDefinition("""
                kpiGate application: 'shop', window: '7d', deploymentsPerWeek: '>= 100', onBreach: 'UNSTABLE'
                """, true));
        j.buildAndAssertStatus(Result.UNSTABLE, gate);
    }

    @Test
    void theWidgetRendersOnTheDashboard(JenkinsRule j) throws Exception {
        JobRule rule = new JobRule("deploy-*", "shop", "production");
        rule.setTeam("payments");
        KpiConfiguration.get().setRules(List.of(rule));
        HtmlPage page = j.createWebClient().goTo("");
        assertThat(page.getElementById("devops-kpi")).isNotNull();
        assertThat(page.asNormalizedText()).contains("payments");
    }

    @Test
    void aUserWithoutItemReadSeesNothingOfThatJob(JenkinsRule j) throws Exception {
        KpiConfiguration.get().setRules(List.of(new JobRule("secret-*", "vault", "production")));
        j.createProject(WorkflowJob.class, "secret-deploy");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("alice"));

        JenkinsRule.WebClient alice = j.createWebClient().login("alice");
        alice.getOptions().setThrowExceptionOnFailingStatusCode(false);
        assertThat(alice.goTo("job/secret-deploy/devops-kpi/").getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(alice.goTo("job/secret-deploy/").getWebResponse().getContentAsString()).doesNotContain("vault");
        assertThat(alice.goTo("devops-kpi/api/v1/kpis?application=vault", "application/json")
                .getWebResponse().getStatusCode()).isEqualTo(200);
    }

    @Test
    void anApplicationsKpisNeedItemReadOnEveryJobThatDeployedIt(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "secret-deploy");
        job.setDefinition(new CpsFlowDefinition("""
                recordDeployment application: 'vault', environment: 'production'
                """, true));
        j.buildAndAssertSuccess(job);
        KpiConfiguration.get().backend().flush();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("alice", "bob")
                .grant(hudson.model.Item.READ).onItems(job).to("bob"));

        JenkinsRule.WebClient alice = j.createWebClient().login("alice");
        alice.getOptions().setThrowExceptionOnFailingStatusCode(false);
        assertThat(alice.goTo("devops-kpi/api/v1/kpis?application=vault", "application/json")
                .getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(alice.goTo("devops-kpi/api/v1/teams", "application/json")
                .getWebResponse().getStatusCode()).as("no single application").isEqualTo(200);
        assertThat(alice.goTo("devops-kpi/api/v1/applications", "application/json")
                .getWebResponse().getContentAsString()).as("listed only for readers of its jobs")
                .doesNotContain("vault");
        assertThat(alice.goTo("devops-kpi/api/v1/deployments", "application/json")
                .getWebResponse().getStatusCode()).as("single deployments only per application").isEqualTo(403);
        assertThat(j.createWebClient().login("bob").goTo("devops-kpi/api/v1/kpis?application=vault",
                "application/json").getWebResponse().getContentAsString()).contains("\"application\":\"vault\"");
        assertThat(j.createWebClient().login("bob").goTo("devops-kpi/api/v1/deployments?application=vault",
                "application/json").getWebResponse().getContentAsString()).contains("secret-deploy");
    }

    @Test
    void theRootActionServesTheDashboardWithItsOwnApi(JenkinsRule j) throws Exception {
        JenkinsRule.WebClient web = j.createWebClient();
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        web.getOptions().setJavaScriptEnabled(false);
        String index = web.goTo("devops-kpi/").getWebResponse().getContentAsString();
        assertThat(index).contains("<meta name=\"devops-kpi-api\" content=\"/jenkins/devops-kpi/api/v1\">");
        assertThat(web.goTo("devops-kpi/applications/shop").getWebResponse().getContentAsString())
                .contains("../assets/application.js");
        assertThat(web.goTo("devops-kpi/assets/lib.js", "text/javascript").getWebResponse().getStatusCode())
                .isEqualTo(200);
        assertThat(index).contains("<meta name=\"devops-kpi-charts\" content=\"/jenkins/plugin/echarts-api/js/echarts.min.js\">");
        assertThat(web.goTo("plugin/echarts-api/js/echarts.min.js", null).getWebResponse()
                .getStatusCode()).as("the echarts-api plugin serves the pages' ECharts").isEqualTo(200);
        assertThat(web.goTo("devops-kpi/assets/job-trend.js", "text/javascript").getWebResponse().getStatusCode())
                .isEqualTo(200);
        assertThat(web.goTo("devops-kpi/webjars/echarts/5.5.0/echarts.min.js", null)
                .getWebResponse().getStatusCode()).as("the hpi bundles no ECharts WebJar").isEqualTo(404);
        assertThat(web.goTo("devops-kpi/assets/..%2F..%2Fpom.xml", "application/json").getWebResponse()
                .getStatusCode()).isIn(400, 404);
        for (String endpoint : List.of("kpis", "trends", "applications", "teams", "suppliers", "deployments",
                "failed-changes", "incidents", "components")) {
            assertThat(web.goTo("devops-kpi/api/v1/" + endpoint, "application/json").getWebResponse()
                    .getStatusCode()).as(endpoint).isEqualTo(200);
        }
        assertThat(web.goTo("devops-kpi/api/v1/export.csv", "text/csv").getWebResponse()
                .getResponseHeaderValue("Content-Disposition")).contains("devops-kpi-deployments.csv");
    }

    @Test
    void kpiGateNamesAnUnknownPolicy(JenkinsRule j) throws Exception {
        WorkflowJob gate = j.createProject(WorkflowJob.class, "policy-gate");
        gate.setDefinition(new CpsFlowDefinition("""
                kpiGate policy: 'release'
                """, true));
        j.assertLogContains("no gate policy is named 'release'",
                j.buildAndAssertStatus(Result.FAILURE, gate));
    }
}
