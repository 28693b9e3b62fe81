package io.jenkins.plugins.devopskpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.util.Secret;
import io.devopskpi.core.model.Deployment;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.jenkins.plugins.devopskpi.rules.JobRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The history import and the alerting webhooks in a real Jenkins (JenkinsRule): runs only in the -Pjenkins
 * build, where repo.jenkins-ci.org is reachable; it has not been compiled or run where this was written.
 */
@WithJenkins
class HistoryAndHooksITest {

    @Test
    void anAdministratorImportsTheBuildsOfTheMatchedJobsOnceAsImportedDeployments(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "deploy-shop");
        job.setDefinition(new CpsFlowDefinition("echo 'deploying'", true));
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        // the rule comes after the builds: only the import can record them
        KpiConfiguration.get().setRules(List.of(new JobRule("deploy-*", "shop", "production")));

        JenkinsRule.WebClient web = j.createWebClient();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        web.login("admin");
        web.getPage(new WebRequest(web.createCrumbedUrl("devops-kpi/history/start"), HttpMethod.POST));
        awaitImport(web);
        web.getPage(new WebRequest(web.createCrumbedUrl("devops-kpi/history/start"), HttpMethod.POST));
        awaitImport(web);

        Deployment second = KpiConfiguration.get().backend().events()
                .findDeployment("jenkins:deploy-shop#2:shop:production").orElseThrow();
        assertThat(second.imported()).isTrue();
        assertThat(KpiConfiguration.get().backend().events().countEvents()).as("a second import adds nothing")
                .isEqualTo(2);
        assertThat(web.goTo("devops-kpi/history/").asNormalizedText()).contains("Already stored");
    }

    /** Until the page says the import is done (within 30 s, not never). */
    private static void awaitImport(JenkinsRule.WebClient web) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (web.goTo("devops-kpi/history/").asNormalizedText().contains("Done:")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not end within 30 s");
    }

    @Test
    void anAlertmanagerWebhookWithTheTokenStoresIncidentsWithoutACrumb(JenkinsRule j) throws Exception {
        CredentialsProvider.lookupStores(j.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "hooks", "webhook token",
                        Secret.fromString("hook-secret")));
        KpiConfiguration.get().setHookCredentialsId("hooks");
        String payload = Files.readString(Path.of("..", "server", "src", "test", "resources", "io", "devopskpi",
                "server", "hooks", "alertmanager-firing.json"), StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(j.getURL()
                + "devops-kpi/hooks/alertmanager")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> stored = client.send(HttpRequest.newBuilder(URI.create(j.getURL()
                + "devops-kpi/hooks/alertmanager")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer hook-secret")
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(KpiConfiguration.get().backend().events()
                .findIncident("alertmanager:5f1e2d3c4b5a6978:2026-01-10T10:00:00Z")).isPresent();
    }
}
