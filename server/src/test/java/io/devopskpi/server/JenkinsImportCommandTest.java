package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import jenkins} against a Jenkins remote API served from recorded {@code api/json} answers
 * ({@link FakeJenkins}) and a real server: paging, a job without builds, builds without change sets, a running
 * build, build parameters, an interrupted import resumed, a second run that adds nothing, and KPIs equal to the same
 * history sent as events.
 */
class JenkinsImportCommandTest {
    /** A Pipeline job, newest first: #6 still running, #5 without change sets, #2 aborted. */
    static final String SHOP_DEPLOY = """
            [{"_class":"org.jenkinsci.plugins.workflow.job.WorkflowRun","number":6,"result":null,"building":true,
              "timestamp":1767693600000,"duration":0,"url":"${JENKINS}job/shop/job/deploy/6/","changeSets":[]},
             {"number":5,"result":"SUCCESS","building":false,"timestamp":1767607200000,"duration":600000,
              "url":"${JENKINS}job/shop/job/deploy/5/"},
             {"number":4,"result":"SUCCESS","building":false,"timestamp":1767520800000,"duration":300000,
              "url":"${JENKINS}job/shop/job/deploy/4/","actions":[{"_class":"hudson.model.CauseAction"},{}],
              "changeSets":[{"_class":"hudson.plugins.git.GitChangeSetList","kind":"git",
                "items":[{"commitId":"c4","timestamp":1767513600000,"authorEmail":"bo@example.com"}]}]},
             {"number":3,"result":"FAILURE","building":false,"timestamp":1767434400000,"duration":120000,
              "url":"${JENKINS}job/shop/job/deploy/3/",
              "changeSets":[{"kind":"git","items":[{"commitId":"c3","timestamp":1767430800000,
                "author":{"id":"ann"},"authorEmail":"ann@example.com"}]}]},
             {"number":2,"result":"ABORTED","building":false,"timestamp":1767348000000,"duration":60000,
              "url":"${JENKINS}job/shop/job/deploy/2/","changeSets":[]},
             {"number":1,"result":"SUCCESS","building":false,"timestamp":1767261600000,"duration":600000,
              "url":"${JENKINS}job/shop/job/deploy/1/",
              "changeSets":[{"kind":"git","items":[{"commitId":"c1","timestamp":1767196800000,"author":{"id":"ann"}}]}]}]
            """;
    /** A freestyle job (changeSet, not changeSets); #2 names its environment in a build parameter. */
    static final String SEARCH_DEPLOY = """
            [{"_class":"hudson.model.FreeStyleBuild","number":2,"result":"SUCCESS","building":false,
              "timestamp":1768125600000,"duration":60000,"url":"${JENKINS}job/search-deploy/2/",
              "actions":[{"_class":"hudson.model.ParametersAction","parameters":[{"_class":
                "hudson.model.StringParameterValue","name":"DEVOPS_KPI_ENVIRONMENT","value":"staging"}]}],
              "changeSet":{"kind":"git","items":[{"commitId":"s2","timestamp":-1}]}},
             {"_class":"hudson.model.FreeStyleBuild","number":1,"result":"SUCCESS","building":false,
              "timestamp":1768039200000,"duration":60000,"url":"${JENKINS}job/search-deploy/1/",
              "changeSet":{"kind":"git","items":[{"commitId":"s1","timestamp":1768032000000,
                "authorEmail":"cy@example.com"}]}}]
            """;
    /** The deployments the plugin would have recorded live for these builds, as events, marked imported. */
    static final String SAME_AS_EVENTS = """
            [{"type":"deployment","id":"jenkins:shop/deploy#1:shop:production","application":"shop",
              "environment":"production","started":"2026-01-01T10:00:00Z","finished":"2026-01-01T10:10:00Z",
              "result":"SUCCESS","changes":[{"id":"c1","committed":"2025-12-31T16:00:00Z","author":"ann"}],
              "pipeline":"shop/deploy","url":"${JENKINS}job/shop/job/deploy/1/","imported":true},
             {"type":"deployment","id":"jenkins:shop/deploy#2:shop:production","application":"shop",
              "environment":"production","started":"2026-01-02T10:00:00Z","finished":"2026-01-02T10:01:00Z",
              "result":"ABORTED","pipeline":"shop/deploy","url":"${JENKINS}job/shop/job/deploy/2/","imported":true},
             {"type":"deployment","id":"jenkins:shop/deploy#3:shop:production","application":"shop",
              "environment":"production","started":"2026-01-03T10:00:00Z","finished":"2026-01-03T10:02:00Z",
              "result":"FAILURE","changes":[{"id":"c3","committed":"2026-01-03T09:00:00Z","author":"ann"}],
              "pipeline":"shop/deploy","url":"${JENKINS}job/shop/job/deploy/3/","imported":true},
             {"type":"deployment","id":"jenkins:shop/deploy#4:shop:production","application":"shop",
              "environment":"production","started":"2026-01-04T10:00:00Z","finished":"2026-01-04T10:05:00Z",
              "result":"SUCCESS","changes":[{"id":"c3","committed":"2026-01-03T09:00:00Z","author":"ann"},
                {"id":"c4","committed":"2026-01-04T08:00:00Z","author":"bo@example.com"}],
              "pipeline":"shop/deploy","url":"${JENKINS}job/shop/job/deploy/4/","imported":true},
             {"type":"deployment","id":"jenkins:shop/deploy#5:shop:production","application":"shop",
              "environment":"production","started":"2026-01-05T10:00:00Z","finished":"2026-01-05T10:10:00Z",
              "result":"SUCCESS","pipeline":"shop/deploy","url":"${JENKINS}job/shop/job/deploy/5/","imported":true},
             {"type":"deployment","id":"jenkins:search-deploy#1:search:production","application":"search",
              "environment":"production","started":"2026-01-10T10:00:00Z","finished":"2026-01-10T10:01:00Z",
              "result":"SUCCESS","team":"finders",
              "changes":[{"id":"s1","committed":"2026-01-10T08:00:00Z","author":"cy@example.com"}],
              "pipeline":"search-deploy","url":"${JENKINS}job/search-deploy/1/","imported":true},
             {"type":"deployment","id":"jenkins:search-deploy#2:search:staging","application":"search",
              "environment":"staging","started":"2026-01-11T10:00:00Z","finished":"2026-01-11T10:01:00Z",
              "result":"SUCCESS","team":"finders","changes":[{"id":"s2","committed":"2026-01-11T10:00:00Z"}],
              "pipeline":"search-deploy","url":"${JENKINS}job/search-deploy/2/","imported":true}]
            """;
    static final String WINDOW = "&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";

    @TempDir
    Path dir;

    private TestServer server;
    private FakeJenkins jenkins;
    private Path token;
    private Path apiToken;
    private Path mapping;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        jenkins = new FakeJenkins();
        jenkins.job("/job/shop/job/deploy", SHOP_DEPLOY);
        jenkins.job("/job/search-deploy", SEARCH_DEPLOY);
        jenkins.job("/job/empty-job", "[]");
        token = Files.writeString(dir.resolve("token"), TestServer.TOKEN + "\n");
        apiToken = Files.writeString(dir.resolve("jenkins-token"), FakeJenkins.API_TOKEN + "\n");
        mapping = Files.writeString(dir.resolve("jobs.rules"), """
                # the plugin's job rules: the first match wins
                shop/** = shop, production
                search-* = search, production, NORMAL, finders
                """);
    }

    @AfterEach
    void stop() {
        jenkins.close();
        server.close();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("jenkins", "--server", server.server.baseUrl(), "--token-file",
                token.toString(), "--jenkins", jenkins.url(), "--user", FakeJenkins.USER, "--api-token-file",
                apiToken.toString()));
        all.addAll(List.of(args));
        return new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HttpClient.newHttpClient()).run(all);
    }

    private int importAll() {
        return run("--mapping", mapping.toString(), "--page-size", "2", "--job", "shop/deploy", "--job",
                "search-deploy", "--job", "empty-job");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String read(TestServer on, String path) {
        return json(on.get(path)).toString();
    }

    @Test
    void importsPagedHistoryWhoseKpisEqualTheSameHistorySentAsEvents() {
        assertThat(importAll()).isEqualTo(EventSender.IMPORTED);

        assertThat(jenkins.ranges).containsExactly("/job/shop/job/deploy{0,2}", "/job/shop/job/deploy{2,4}",
                "/job/shop/job/deploy{4,6}", "/job/shop/job/deploy{6,8}", "/job/search-deploy{0,2}",
                "/job/search-deploy{2,4}", "/job/empty-job{0,2}");
        assertThat(stdout())
                .contains("shop/deploy: 6 builds, 5 deployments (0 already stored), 1 still running, 0 mapped by "
                        + "no rule")
                .contains("search-deploy: 2 builds, 2 deployments (0 already stored)")
                .contains("empty-job: 0 builds, 0 deployments (0 already stored)")
                .contains("done: 7 deployments sent, 0 already stored");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("shop/deploy [").contains("] 6 builds");
        TestServer events = TestServer.start();
        try {
            assertThat(events.post(SAME_AS_EVENTS.replace("${JENKINS}", jenkins.url())).statusCode())
                    .isEqualTo(200);
            for (String environment : List.of("production", "staging")) {
                for (String path : List.of("/api/v1/kpis?environment=", "/api/v1/deployments?environment=",
                        "/api/v1/kpis?application=shop&environment=")) {
                    assertThat(read(server, path + environment + WINDOW)).as(path + environment)
                            .isEqualTo(read(events, path + environment + WINDOW));
                }
            }
        } finally {
            events.close();
        }
        String shop = read(server, "/api/v1/deployments?application=shop&environment=production" + WINDOW);
        assertThat(shop).contains("\"id\":\"jenkins:shop/deploy#4:shop:production\"").contains("\"imported\":true")
                .doesNotContain("#6");
    }

    @Test
    void anInterruptedImportIsResumedAndASecondRunAddsNothing() {
        jenkins.failing("/job/search-deploy", true);
        assertThat(importAll()).isEqualTo(EventSender.UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Jenkins answered HTTP 500 for job 'search-deploy'")
                .contains("run the import again to resume");
        assertThat(server.rows("deployment")).isEqualTo(5);

        jenkins.failing("/job/search-deploy", false);
        assertThat(importAll()).isEqualTo(EventSender.IMPORTED);
        assertThat(stdout()).contains("shop/deploy: 6 builds, 5 deployments (5 already stored)")
                .contains("done: 2 deployments sent, 5 already stored");
        assertThat(server.rows("deployment")).isEqualTo(7);

        assertThat(importAll()).isEqualTo(EventSender.IMPORTED);
        assertThat(stdout()).contains("done: 0 deployments sent, 7 already stored");
        assertThat(server.rows("deployment")).isEqualTo(7);
    }

    @Test
    void aBuildThePluginRecordedLiveIsKeptAsItWas() {
        assertThat(server.post("""
                {"type":"deployment","id":"jenkins:shop/deploy#1:shop:production","application":"shop",
                 "environment":"production","started":"2026-01-01T10:00:00Z","finished":"2026-01-01T10:10:00Z",
                 "result":"SUCCESS","changes":[{"id":"c1","committed":"2025-12-31T16:00:00Z","author":"ann"}],
                 "components":[{"name":"pipeline-lib","version":"3.2.0"}],"pipeline":"shop/deploy"}""")
                .statusCode()).isEqualTo(200);

        assertThat(run("--application", "shop", "--environment", "production", "--job", "shop/deploy"))
                .isEqualTo(EventSender.IMPORTED);

        assertThat(stdout()).contains("shop/deploy: 6 builds, 5 deployments (1 already stored)");
        assertThat(read(server, "/api/v1/deployments?application=shop&environment=production" + WINDOW))
                .contains("\"id\":\"jenkins:shop/deploy#1:shop:production\",\"application\":\"shop\"")
                .contains("\"imported\":false");
    }

    @Test
    void refusesBadArgumentsAndNamesWhatJenkinsRefused() throws IOException {
        assertThat(run("--mapping", mapping.toString())).isEqualTo(EventSender.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("name at least one --job");
        assertThat(run("--job", "shop/deploy", "--application", "shop")).isEqualTo(EventSender.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("give --application and --environment, or --mapping");
        Path badRule = Files.writeString(dir.resolve("bad.rules"), "shop/** = shop\n");
        assertThat(run("--job", "shop/deploy", "--mapping", badRule.toString())).isEqualTo(EventSender.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 1: expected application, environment");

        Files.writeString(apiToken, "wrong\n");
        assertThat(run("--job", "shop/deploy", "--mapping", mapping.toString())).isEqualTo(EventSender.UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Jenkins refused the user or API token (HTTP 401) for job 'shop/deploy'");
        Files.writeString(apiToken, FakeJenkins.API_TOKEN);
        assertThat(run("--job", "nope", "--mapping", mapping.toString())).isEqualTo(EventSender.UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Jenkins knows no job 'nope'");
        assertThat(server.rows("deployment")).isZero();
    }
}
