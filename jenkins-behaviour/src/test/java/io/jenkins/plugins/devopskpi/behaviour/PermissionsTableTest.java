package io.jenkins.plugins.devopskpi.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.api.ReadApi;
import io.devopskpi.core.dashboard.DashboardFiles;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.model.ReviewPeriod;
import io.devopskpi.core.model.Survey;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.StoreConfig;
import io.jenkins.plugins.devopskpi.ui.KpiRoutes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every read under {@code /devops-kpi/} (each endpoint core's ReadApi answers, each page of core's DashboardFiles)
 * for each kind of reader, over a real embedded H2 store: the status, and that no answer names an application or a
 * job the reader may not see. Two applications: alpha-shop, deployed only by team-a/alpha-pipeline, and
 * bravo-billing, deployed only by team-b/bravo-pipeline, with incidents whose cause names a deployment (its job and
 * build), assignments, contract targets, a survey, a gate policy and tags.
 */
class PermissionsTableTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String ALPHA = "alpha-shop";
    private static final String BRAVO = "bravo-billing";
    private static final String ALPHA_JOB = "team-a/alpha-pipeline";
    private static final String BRAVO_JOB = "team-b/bravo-pipeline";
    private static final String SUPPLIER = "globex";

    private static final List<String> EVERY_NAME = List.of(ALPHA, BRAVO, ALPHA_JOB, BRAVO_JOB);
    private static final Reader ANONYMOUS = new Reader("no Overall/Read", false, false, Set.of(), EVERY_NAME);
    private static final Reader OVERALL_ONLY = new Reader("Overall/Read only", true, false, Set.of(), EVERY_NAME);
    private static final Reader SOME_JOBS = new Reader("Item/Read on team-a's job", true, false, Set.of(ALPHA_JOB),
            List.of(BRAVO, BRAVO_JOB));
    private static final Reader ADMIN = new Reader("administrator", true, true, Set.of(), List.of());
    private static final List<Reader> READERS = List.of(ANONYMOUS, OVERALL_ONLY, SOME_JOBS, ADMIN);

    /** Lists of single deployments and incidents: answered for one application at a time, whoever asks. */
    private static final Set<String> RUN_LISTS = Set.of("deployments", "failed-changes", "export.csv", "incidents");
    /** Answers that {@code application=} limits to that application; every other endpoint covers everything. */
    private static final Set<String> APPLICATION_SCOPED = Set.of("kpis", "trends", "components", "deployments",
            "failed-changes", "export.csv", "incidents", "assignments");

    @TempDir
    static Path dir;
    private static EmbeddedKpis kpis;
    private static KpiRoutes routes;

    @BeforeAll
    static void storeTwoApplicationsDeployedByDifferentJobs() throws Exception {
        kpis = new EmbeddedKpis(StoreConfig.embedded(dir.resolve("store")), KpiSettings::defaults,
                new Outbox(dir.resolve("queue")), CLOCK);
        routes = new KpiRoutes(new DashboardFiles(), () -> kpis);
        List<Event> events = new ArrayList<>();
        for (int build = 1; build <= 4; build++) {
            events.add(deployment(ALPHA, ALPHA_JOB, build, build == 2 ? DeploymentResult.FAILURE
                    : DeploymentResult.SUCCESS));
            events.add(deployment(BRAVO, BRAVO_JOB, build, build == 4 ? DeploymentResult.FAILURE
                    : DeploymentResult.SUCCESS));
        }
        events.add(incident("INC-1", ALPHA, ALPHA_JOB, 2));
        events.add(incident("INC-2", BRAVO, BRAVO_JOB, 4));
        Instant since = Instant.parse("2025-01-01T00:00:00Z");
        events.add(new Assignment(ALPHA, "acme", "storefront", Responsibility.BOTH, since, null));
        events.add(new Assignment(BRAVO, SUPPLIER, "finance", Responsibility.BOTH, since, null));
        events.add(new ContractTarget(SUPPLIER, List.of(BRAVO), GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST,
                0.9, 1, ReviewPeriod.QUARTER, since, null));
        events.add(new Survey("2026-Q1-globex", SUPPLIER, BRAVO, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"), 3.5, 9, null));
        events.add(new GatePolicy("release-billing", "{\"scope\":{\"application\":\"" + BRAVO + "\"},"
                + "\"thresholds\":[{\"metric\":\"changeSuccessRate\",\"operator\":\">=\",\"value\":0.9}]}"));
        events.add(new ApplicationProfile(BRAVO, List.of("back-office")));
        new Ingestor(kpis.store(), CLOCK).ingest(events);
    }

    @AfterAll
    static void close() {
        kpis.close();
    }

    /** Build n of a job deployed the application 6 × (5 - n) days before now, inside the default window. */
    private static Deployment deployment(String application, String job, int build, DeploymentResult result) {
        Instant finished = finished(build);
        return Deployment.builder(id(application, job, build)).application(application).environment("production")
                .started(finished.minusSeconds(600)).finished(finished).result(result).pipeline(job)
                .url("https://ci.example/job/" + job.replace("/", "/job/") + "/" + build + "/")
                .supplier(application.equals(BRAVO) ? SUPPLIER : "acme").build();
    }

    private static Instant finished(int build) {
        return CLOCK.instant().minusSeconds(6L * 86_400 * (5 - build));
    }

    private static String id(String application, String job, int build) {
        return "jenkins:" + job + "#" + build + ":" + application + ":production";
    }

    private static Incident incident(String id, String application, String job, int build) {
        Instant started = finished(build).plusSeconds(60);
        return new Incident(id, application, "production", started, started.plusSeconds(300),
                started.plusSeconds(3600), "major", id(application, job, build), null, null);
    }

    /** Every endpoint ReadApi dispatches on, and a supplier's scorecard in both forms. */
    private static List<String> endpoints() {
        List<String> endpoints = new ArrayList<>(kpis.readApi().endpoints());
        endpoints.add(ReadApi.SCORECARDS + SUPPLIER);
        endpoints.add(ReadApi.SCORECARDS + SUPPLIER + ".csv");
        return endpoints;
    }

    /** Each endpoint asked about nothing in particular, about alpha-shop, and about bravo-billing. */
    private static Map<String, Map<String, List<String>>> queries() {
        Map<String, Map<String, List<String>>> queries = new LinkedHashMap<>();
        queries.put("", Map.of());
        queries.put("?application=" + ALPHA, Map.of("application", List.of(ALPHA)));
        queries.put("?application=" + BRAVO, Map.of("application", List.of(BRAVO)));
        return queries;
    }

    @Test
    void everyEndpointAnswersEachReaderOnlyWhatItMaySee() {
        SoftAssertions softly = new SoftAssertions();
        for (String endpoint : endpoints()) {
            for (Map.Entry<String, Map<String, List<String>>> query : queries().entrySet()) {
                String path = "/api/v1/" + endpoint;
                // what core answers without any permission: the status every allowed reader gets
                int unrestricted = kpis.readApi().answer(endpoint, query.getValue()).status();
                for (Reader reader : READERS) {
                    KpiRoutes.Reply reply = routes.reply("GET", path, query.getValue(), reader, "/jenkins");
                    String what = reader + ": GET " + path + query.getKey();
                    softly.assertThat(reply.status()).as(what)
                            .isEqualTo(expected(reader, endpoint, query.getValue(), unrestricted));
                    String body = text(reply);
                    for (String hidden : reader.hidden()) {
                        softly.assertThat(body).as(what + " names " + hidden).doesNotContain(hidden);
                    }
                }
            }
        }
        softly.assertAll();
    }

    /** The rules of docs/jenkins.md, written out independently of the plugin's code. */
    private static int expected(Reader reader, String endpoint, Map<String, List<String>> query, int unrestricted) {
        if (!reader.mayReadOverall()) {
            return 403;
        }
        List<String> applications = query.getOrDefault("application", List.of());
        if (RUN_LISTS.contains(endpoint) && applications.isEmpty()) {
            return 403;
        }
        if (APPLICATION_SCOPED.contains(endpoint) && !applications.isEmpty()) {
            return applications.stream().allMatch(a -> reader.mayReadJob(a.equals(ALPHA) ? ALPHA_JOB : BRAVO_JOB))
                    ? unrestricted : 403;
        }
        if (endpoint.equals("applications")) {
            return unrestricted;
        }
        return reader.mayReadJob(ALPHA_JOB) && reader.mayReadJob(BRAVO_JOB) ? unrestricted : 403;
    }

    @Test
    void theTableIsNotVacuous() {
        // what the others may not see is there to be seen: the administrator's answers name it
        assertThat(api(ADMIN, "incidents", BRAVO)).contains(BRAVO_JOB + "#4");
        assertThat(api(ADMIN, "deployments", BRAVO)).contains(BRAVO_JOB);
        assertThat(api(ADMIN, "applications", null)).contains(ALPHA, BRAVO);
        for (String governance : List.of("assignments", "targets", "surveys", "policies", "teams")) {
            assertThat(api(ADMIN, governance, null)).as(governance).contains(BRAVO);
        }
        assertThat(api(ADMIN, "kpis", null)).as("availability names the worst application").contains(ALPHA);
        // a reader of some jobs gets what it may see, not an empty answer
        assertThat(api(SOME_JOBS, "applications", null)).contains(ALPHA).doesNotContain(BRAVO);
        assertThat(api(SOME_JOBS, "incidents", ALPHA)).contains(ALPHA_JOB + "#2");
        assertThat(api(SOME_JOBS, "assignments", ALPHA)).contains(ALPHA);
        assertThat(api(SOME_JOBS, "kpis", ALPHA)).contains(ALPHA);
    }

    @Test
    void aRefusalNamesWhatIsMissingAndNothingHidden() {
        assertThat(api(SOME_JOBS, "suppliers", null)).contains("Item/Read on every job that deployed an application")
                .contains("Overall/Administer").doesNotContain(BRAVO_JOB);
        assertThat(api(SOME_JOBS, "incidents", null)).contains("ask for one application");
        assertThat(api(SOME_JOBS, "kpis", BRAVO)).contains("Item/Read on every job that deployed it");
        assertThat(api(ANONYMOUS, "kpis", null)).contains("Overall/Read");
    }

    @Test
    void everyPageButTheAdminPageIsServedWithoutALinkToIt() {
        SoftAssertions softly = new SoftAssertions();
        assertThat(DashboardFiles.PAGES).contains("/", "/admin");
        for (String page : DashboardFiles.PAGES) {
            String path = page.length() > 1 && page.endsWith("/") ? page + BRAVO : page;
            for (Reader reader : READERS) {
                KpiRoutes.Reply reply = routes.reply("GET", path, Map.of(), reader, "/jenkins");
                int expected = !reader.mayReadOverall() ? 403 : page.equals("/admin") ? 404 : 200;
                softly.assertThat(reply.status()).as(reader + ": GET " + path).isEqualTo(expected);
                if (reply instanceof KpiRoutes.Reply.File file) {
                    softly.assertThat(file.file().type()).as(path).startsWith("text/html");
                    softly.assertThat(text(reply)).as(reader + ": GET " + path)
                            .doesNotContain("data-nav=\"admin\"").doesNotContainPattern("href=\"[./]*admin\"")
                            .contains("<body data-hidden-nav=\"admin\" ")
                            .contains("content=\"/jenkins/devops-kpi/api/v1\"")
                            // Jenkins' light theme until theme-manager's header names the user's (DashboardPage)
                            .contains("<html data-theme=\"none\" lang=\"en\">");
                    // only administrators may list the unmapped alerts: only their overview asks for the count
                    if (page.equals("/")) {
                        softly.assertThat(text(reply)).as(reader + ": GET " + path).contains(reader.isAdministrator()
                                ? "<meta name=\"devops-kpi-unmapped\" content=\"/jenkins/devops-kpi/hooks/unmapped\">"
                                : "<meta name=\"devops-kpi-unmapped\" content=\"\">");
                    }
                    for (String hidden : EVERY_NAME) {
                        softly.assertThat(text(reply)).as(reader + ": GET " + path).doesNotContain(hidden);
                    }
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void onlyGetIsAnswered() {
        assertThat(routes.reply("POST", "/api/v1/assignments", Map.of(), ADMIN, "").status()).isEqualTo(404);
        assertThat(routes.reply("GET", "/api/v1/no-such-endpoint", Map.of(), OVERALL_ONLY, "").status())
                .isEqualTo(404);
    }

    private static String api(Reader reader, String endpoint, String application) {
        Map<String, List<String>> query = application == null ? Map.of() : Map.of("application", List.of(application));
        return text(routes.reply("GET", "/api/v1/" + endpoint, query, reader, "/jenkins"));
    }

    private static String text(KpiRoutes.Reply reply) {
        if (reply instanceof KpiRoutes.Reply.File file) {
            return new String(file.file().body(), StandardCharsets.UTF_8);
        }
        return ((KpiRoutes.Reply.Answer) reply).answer().body();
    }
}
