package io.jenkins.plugins.devopskpi.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.api.ReadApi;
import io.devopskpi.core.dashboard.DashboardFiles;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.embedded.Patience;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.remote.CentralServer;
import io.devopskpi.core.remote.RemoteKpis;
import io.devopskpi.core.remote.ServerSink;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.core.summary.KpiSummary;
import io.jenkins.plugins.devopskpi.ui.FirstRun;
import io.jenkins.plugins.devopskpi.ui.KpiLists;
import io.jenkins.plugins.devopskpi.ui.KpiRoutes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's dashboard reads with a central server (issue 14, 3b): {@code /devops-kpi/api/v1/...} through
 * {@link KpiRoutes} passed on to the real server, run from its jar as a process of its own, for the readers of
 * {@code PermissionsTableTest}. Every endpoint answers each reader with the status the controller's own store
 * would give over the same events, and no answer names an application or job the reader may not see: the read
 * token never widens what a Jenkins user sees.
 */
class CentralServerPermissionsTest {
    private static final String TOKEN = "central-write-token";
    private static final String ALPHA = "alpha-shop";
    private static final String BRAVO = "bravo-billing";
    private static final String ALPHA_JOB = "team-a/alpha-pipeline";
    private static final String BRAVO_JOB = "team-b/bravo-pipeline";
    /** Events end a few days before now: the server's windows end at its own clock. */
    private static final Instant NOW = Instant.now();
    private static final Patience PATIENT = new Patience(Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20));

    private static final List<String> EVERY_NAME = List.of(ALPHA, BRAVO, ALPHA_JOB, BRAVO_JOB);
    private static final List<Reader> READERS = List.of(
            new Reader("no Overall/Read", false, false, Set.of(), EVERY_NAME),
            new Reader("Overall/Read only", true, false, Set.of(), EVERY_NAME),
            new Reader("Item/Read on team-a's job", true, false, Set.of(ALPHA_JOB), List.of(BRAVO, BRAVO_JOB)),
            new Reader("administrator", true, true, Set.of(), List.of()));

    @TempDir
    static Path dir;
    private static Process server;
    private static String url;
    private static EmbeddedKpis local;
    private static RemoteKpis remote;
    private static KpiRoutes localRoutes;
    private static KpiRoutes remoteRoutes;

    @BeforeAll
    static void startTheServerAndStoreTheSameEventsThereAndHere() throws Exception {
        Path jar = Path.of(System.getProperty("devopskpi.serverJar"));
        assertThat(jar).as("the server module's jar, packaged before this module").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--port", "0", "--data", dir.resolve("server").toString(),
                "--rate-limit", "off");
        builder.environment().put("DEVOPS_KPI_API_TOKEN", TOKEN);
        server = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("devops-kpi server listening on ")) {
            // the version line, a notice
        }
        assertThat(line).as("the server's start line").isNotNull();
        url = line.substring("devops-kpi server listening on ".length()).replaceAll("/api/v1/$", "");

        List<Event> events = events();
        local = new EmbeddedKpis(StoreConfig.embedded(dir.resolve("store")), KpiSettings::defaults,
                new Outbox(dir.resolve("local-queue")), Clock.systemUTC(), PATIENT);
        new Ingestor(local.store(), Clock.systemUTC()).ingest(events);
        CentralServer central = new CentralServer(URI.create(url), () -> TOKEN, null);
        ServerSink sink = new ServerSink(central);
        events.forEach(sink::accept);
        remote = new RemoteKpis(central, new Outbox(dir.resolve("queue")), PATIENT, Clock.systemUTC());
        localRoutes = new KpiRoutes(new DashboardFiles(), () -> local);
        remoteRoutes = new KpiRoutes(new DashboardFiles(), () -> remote);
    }

    @AfterAll
    static void stop() throws Exception {
        if (remote != null) {
            remote.close();
        }
        if (local != null) {
            local.close();
        }
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static List<Event> events() {
        List<Event> events = new ArrayList<>();
        for (int build = 1; build <= 4; build++) {
            events.add(deployment(ALPHA, ALPHA_JOB, build, build == 2));
            events.add(deployment(BRAVO, BRAVO_JOB, build, build == 4));
        }
        Instant started = finished(2).plusSeconds(60);
        events.add(new Incident("INC-1", ALPHA, "production", started, started.plusSeconds(300),
                started.plusSeconds(3600), "major", id(ALPHA_JOB, 2), null, null));
        Instant since = Instant.parse("2025-01-01T00:00:00Z");
        events.add(new Assignment(ALPHA, "acme", "storefront", Responsibility.BOTH, since, null));
        events.add(new Assignment(BRAVO, "globex", "finance", Responsibility.BOTH, since, null));
        return events;
    }

    private static Deployment deployment(String application, String job, int build, boolean failed) {
        Instant finished = finished(build);
        return Deployment.builder(id(job, build)).application(application).environment("production")
                .started(finished.minusSeconds(600)).finished(finished)
                .result(failed ? DeploymentResult.FAILURE : DeploymentResult.SUCCESS).pipeline(job).build();
    }

    private static Instant finished(int build) {
        return NOW.minus(Duration.ofDays(2L * (5 - build))).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static String id(String job, int build) {
        return "jenkins:" + job + "#" + build;
    }

    @Test
    void everyEndpointAnswersEachReaderAsTheControllersOwnStoreWouldAndHidesTheSame() {
        List<String> endpoints = new ArrayList<>(local.readApi().endpoints());
        endpoints.add(ReadApi.SCORECARDS + "globex");
        endpoints.add("no-such-endpoint");
        Map<String, Map<String, List<String>>> queries = new LinkedHashMap<>();
        queries.put("", Map.of());
        queries.put("?application=" + ALPHA, Map.of("application", List.of(ALPHA)));
        queries.put("?application=" + BRAVO, Map.of("application", List.of(BRAVO)));
        SoftAssertions softly = new SoftAssertions();
        for (String endpoint : endpoints) {
            for (Map.Entry<String, Map<String, List<String>>> query : queries.entrySet()) {
                String path = "/api/v1/" + endpoint;
                for (Reader reader : READERS) {
                    String what = reader + ": GET " + path + query.getKey();
                    KpiRoutes.Reply fromServer = remoteRoutes.reply("GET", path, query.getValue(), reader, "/j");
                    KpiRoutes.Reply fromStore = localRoutes.reply("GET", path, query.getValue(), reader, "/j");
                    softly.assertThat(fromServer.status()).as(what).isEqualTo(fromStore.status());
                    for (String hidden : reader.hidden()) {
                        softly.assertThat(body(fromServer)).as(what + " names " + hidden).doesNotContain(hidden);
                    }
                }
            }
        }
        softly.assertAll();
        // not vacuous: what the others may not see is there to be seen
        Reader admin = READERS.get(3);
        Reader someJobs = READERS.get(2);
        assertThat(body(remoteRoutes.reply("GET", "/api/v1/deployments", Map.of("application", List.of(BRAVO)),
                admin, "/j"))).contains(BRAVO_JOB);
        assertThat(body(remoteRoutes.reply("GET", "/api/v1/applications", Map.of(), admin, "/j"))).contains(ALPHA,
                BRAVO);
        assertThat(body(remoteRoutes.reply("GET", "/api/v1/applications", Map.of(), someJobs, "/j")))
                .contains(ALPHA).doesNotContain(BRAVO);
        assertThat(body(remoteRoutes.reply("GET", "/api/v1/incidents", Map.of("application", List.of(ALPHA)),
                someJobs, "/j"))).contains(ALPHA_JOB + "#2");
    }

    @Test
    void anApplicationsSummaryIsHiddenFromAReaderWhoMayNotReadEveryJobThatDeployedIt() {
        Reader someJobs = READERS.get(2);
        KpiSummary hidden = remote.applicationSummary(BRAVO, "production", someJobs::mayReadJob);
        assertThat(hidden.deploymentsPerWeek()).isNull();
        assertThat(hidden.error()).startsWith("hidden");
        KpiSummary shown = remote.applicationSummary(ALPHA, "production", someJobs::mayReadJob);
        assertThat(shown.error()).isNull();
        assertThat(shown).isEqualTo(local.summary(ALPHA + " (production)", Scope.application(ALPHA), "production"));
    }

    @Test
    void theRootPagesListsAreTheControllersOwnForEachReaderAndHideTheSame() {
        Clock at = Clock.fixed(NOW, ZoneOffset.UTC);
        for (Reader reader : READERS) {
            KpiLists fromServer = new KpiLists(() -> remote, reader, at);
            KpiLists fromStore = new KpiLists(() -> local, reader, at);
            String what = reader.name();
            assertThat(fromServer.getError()).as(what).isEqualTo(fromStore.getError());
            assertThat(applications(fromServer)).as(what).isEqualTo(applications(fromStore));
            assertThat(teams(fromServer)).as(what).isEqualTo(teams(fromStore));
            assertThat(fromServer.getTeamsRefused()).as(what).isEqualTo(fromStore.getTeamsRefused());
            for (String hidden : reader.hidden()) {
                assertThat(applications(fromServer) + " " + teams(fromServer)).as(what + " names " + hidden)
                        .doesNotContain(hidden);
            }
        }
        // not vacuous: the administrator gets both applications and the teams, team-a's reader alpha-shop only
        KpiLists admin = new KpiLists(() -> remote, READERS.get(3), at);
        assertThat(applications(admin)).containsExactly(ALPHA + " 3 " + finished(4) + " storefront acme",
                BRAVO + " 3 " + finished(3) + " finance globex");
        assertThat(teams(admin)).containsExactly("finance " + List.of(BRAVO), "storefront " + List.of(ALPHA));
        KpiLists someJobs = new KpiLists(() -> remote, READERS.get(2), at);
        assertThat(someJobs.getError()).isNull();
        assertThat(applications(someJobs)).hasSize(1).allMatch(entry -> entry.startsWith(ALPHA + " "));
        assertThat(someJobs.getTeams()).isNull();
        assertThat(someJobs.getTeamsRefused()).isNotBlank();
        assertThat(new FirstRun().storeIsEmpty(() -> remote)).as("the server holds events").isFalse();
    }

    private static List<String> applications(KpiLists lists) {
        return lists.getApplications().stream().map(a -> a.getName() + " " + a.getDeployments() + " "
                + a.getLastDeployment() + " " + a.getTeam() + " " + a.getSupplier()).toList();
    }

    private static List<String> teams(KpiLists lists) {
        return lists.getTeams() == null ? null : lists.getTeams().stream().map(t -> t.getName() + " "
                + t.getApplications()).toList();
    }

    @Test
    void theRootPagesListsFromAServerThatIsDownSayNotAvailableNeverNoData() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String down = "http://127.0.0.1:" + port;
        try (RemoteKpis unreachable = new RemoteKpis(new CentralServer(URI.create(down), () -> TOKEN, null),
                new Outbox(Files.createTempDirectory(dir, "down")), PATIENT, Clock.systemUTC())) {
            KpiLists lists = new KpiLists(() -> unreachable, READERS.get(3), Clock.systemUTC());
            assertThat(lists.getError()).startsWith("KPIs are not available").contains(down).doesNotContain(TOKEN);
            assertThat(lists.getApplications()).isEmpty();
            assertThat(lists.getTeams()).isNull();
            assertThat(new FirstRun().storeIsEmpty(() -> unreachable)).as("a server that cannot answer is not empty")
                    .isFalse();
        }
    }

    @Test
    void aServerThatIsDownAnswersNotAvailableNamingIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String down = "http://127.0.0.1:" + port;
        try (RemoteKpis unreachable = new RemoteKpis(new CentralServer(URI.create(down), () -> TOKEN, null),
                new Outbox(Files.createTempDirectory(dir, "down")), PATIENT, Clock.systemUTC())) {
            KpiRoutes routes = new KpiRoutes(new DashboardFiles(), () -> unreachable);
            KpiRoutes.Reply reply = routes.reply("GET", "/api/v1/kpis", Map.of(), READERS.get(3), "/j");
            assertThat(reply.status()).isEqualTo(503);
            assertThat(body(reply)).contains("KPIs are not available", down).doesNotContain(TOKEN);
        }
    }

    private static String body(KpiRoutes.Reply reply) {
        if (reply instanceof KpiRoutes.Reply.File file) {
            return new String(file.file().body(), StandardCharsets.UTF_8);
        }
        return ((KpiRoutes.Reply.Answer) reply).answer().body();
    }
}
