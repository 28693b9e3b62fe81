package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.devopskpi.core.api.ApiAnswer;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.embedded.Patience;
import io.devopskpi.core.gate.GateStatus;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.json.GateJson;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.query.ApplicationSummary;
import io.devopskpi.core.query.TeamSummary;
import io.devopskpi.core.remote.Backoff;
import io.devopskpi.core.remote.CentralServer;
import io.devopskpi.core.remote.RemoteKpis;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.core.store.StoreException;
import io.devopskpi.core.summary.HeadlineFigures;
import io.devopskpi.core.summary.KpiSummary;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's reads from a central server (issue 14, 3b): {@link RemoteKpis} against a real server over
 * {@link GovernanceFixture}, each read compared with what the controller's own store ({@link EmbeddedKpis}) gives
 * over the very same stored events, and what it says when the server is down.
 */
class RemoteKpisTest {
    /** Generous waits: the test is about what is answered, not how fast. */
    private static final Patience PATIENT = new Patience(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));

    private static TestServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void seed() {
        server = GovernanceFixture.seededServer();
        assertThat(server.post("""
                [{"type":"deployment","id":"cart-1","application":"cart","environment":"production",
                  "started":"2026-01-20T10:00:00Z","finished":"2026-01-20T10:05:00Z","result":"SUCCESS",
                  "pipeline":"team-a/cart-deploy"},
                 {"type":"deployment","id":"cart-2","application":"cart","environment":"production",
                  "started":"2026-01-21T10:00:00Z","finished":"2026-01-21T10:05:00Z","result":"SUCCESS",
                  "pipeline":"team-b/cart-hotfix"}]""").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private RemoteKpis remote(String url) throws Exception {
        return new RemoteKpis(new CentralServer(URI.create(url), () -> TestServer.TOKEN, null), new Outbox(
                dir.resolve("queue")), PATIENT, TestServer.CLOCK);
    }

    private EmbeddedKpis local() throws Exception {
        return new EmbeddedKpis(server.storeConfig, KpiSettings::defaults, new Outbox(dir.resolve("local")),
                TestServer.CLOCK, PATIENT);
    }

    @Test
    void summariesAreTheOnesTheControllersOwnStoreWouldShow() throws Exception {
        try (RemoteKpis remote = remote(server.server.baseUrl()); EmbeddedKpis local = local()) {
            for (Scope scope : new Scope[] {Scope.application("shop"), Scope.team("storefront"),
                    Scope.supplier("acme"), Scope.application("nothing-stored")}) {
                KpiSummary fromServer = remote.summary("label", scope, "production");
                assertThat(fromServer.error()).as(scope.toString()).isNull();
                assertThat(fromServer).as(scope.toString()).isEqualTo(local.summary("label", scope, "production"));
            }
            assertThat(remote.summary("shop", Scope.application("shop"), "production").changeSuccessRate())
                    .isEqualTo("80 %");
        }
    }

    @Test
    void anApplicationIsHiddenFromAReaderWhoMayNotReadEveryPipelineThatDeployedIt() throws Exception {
        try (RemoteKpis remote = remote(server.server.baseUrl()); EmbeddedKpis local = local()) {
            KpiSummary hidden = remote.applicationSummary("cart", "production", "team-a/cart-deploy"::equals);
            assertThat(hidden.deploymentsPerWeek()).isNull();
            assertThat(hidden.error()).startsWith("hidden: you may not read every pipeline");
            assertThat(hidden).isEqualTo(local.applicationSummary("cart", "production", "team-a/cart-deploy"::equals));

            KpiSummary shown = remote.applicationSummary("cart", "production", pipeline -> true);
            assertThat(shown.error()).isNull();
            assertThat(shown).isEqualTo(local.applicationSummary("cart", "production", pipeline -> true));
        }
    }

    @Test
    void aJobsFiguresAreTheStoresOverTheSameWindowAndHiddenLikewise() throws Exception {
        try (RemoteKpis remote = remote(server.server.baseUrl()); EmbeddedKpis local = local()) {
            Instant now = Instant.parse("2026-01-20T00:00:00Z"); // not the server's clock: the window is sent
            HeadlineFigures shop = remote.applicationFigures("shop", "production", now, pipeline -> true);
            assertThat(shop.error()).isNull();
            assertThat(shop.changeAttempts()).isEqualTo(10);
            assertThat(shop).isEqualTo(local.applicationFigures("shop", "production", now, pipeline -> true));

            HeadlineFigures hidden = remote.applicationFigures("cart", "production", now,
                    "team-a/cart-deploy"::equals);
            assertThat(hidden.deployments()).isNull();
            assertThat(hidden).isEqualTo(local.applicationFigures("cart", "production", now,
                    "team-a/cart-deploy"::equals));
        }
        String down = "http://127.0.0.1:" + CentralServerDeliveryTest.freePort();
        try (RemoteKpis unreachable = remote(down)) {
            HeadlineFigures none = unreachable.applicationFigures("shop", "production", TestServer.NOW, p -> true);
            assertThat(none.deployments()).isNull();
            assertThat(none.error()).startsWith("KPIs are not available: ").contains(down);
        }
    }

    @Test
    void anApplicationsAssignmentsAndPipelinesAreTheStores() throws Exception {
        try (RemoteKpis remote = remote(server.server.baseUrl()); EmbeddedKpis local = local()) {
            assertThat(remote.readForPage(() -> remote.assignments("shop"))).hasSize(2)
                    .isEqualTo(local.assignments("shop"));
            assertThat(remote.assignments("nothing-stored")).isEmpty();
            assertThat(remote.pipelines("cart")).containsExactly("team-a/cart-deploy", "team-b/cart-hotfix")
                    .isEqualTo(local.pipelines("cart"));
            assertThat(remote.allPipelines()).isEqualTo(local.allPipelines());
        }
    }

    @Test
    void theApplicationAndTeamListsAreTheStoresOverTheSameWindow() throws Exception {
        try (RemoteKpis remote = remote(server.server.baseUrl()); EmbeddedKpis local = local()) {
            for (Instant end : new Instant[] {TestServer.NOW, Instant.parse("2026-01-21T00:00:00Z")}) {
                KpiQuery query = KpiQuery.ending(Scope.all(), "production", end, KpiQuery.DEFAULT_WINDOW,
                        ZoneOffset.UTC);
                assertThat(remote.applications(query)).as(end.toString()).isNotEmpty()
                        .isEqualTo(local.applications(query));
                assertThat(remote.teams(query)).as(end.toString()).isNotEmpty().isEqualTo(local.teams(query));
            }
            KpiQuery staging = KpiQuery.ending(Scope.all(), "staging", TestServer.NOW, KpiQuery.DEFAULT_WINDOW,
                    ZoneOffset.UTC);
            assertThat(remote.applications(staging)).isEqualTo(local.applications(staging));
            assertThat(remote.applications(KpiQuery.ending(Scope.all(), "production", TestServer.NOW,
                    KpiQuery.DEFAULT_WINDOW, ZoneOffset.UTC))).extracting(ApplicationSummary::application)
                    .contains("cart", "shop");
        }
    }

    /**
     * The root page's team list is the server's whole list, read a page (500) at a time like the applications:
     * 501 teams, each running one application deployed in production, are all there, as the controller's own store
     * lists them.
     */
    @Test
    void theTeamListIsReadWholeBeyondTheServersLargestPage() throws Exception {
        StoreConfig store = TestServer.freshStore();
        try (TestServer many = TestServer.start(store, new ServerOptions("127.0.0.1", 0, store, TestServer.TOKEN,
                null, TestServer.CLOCK, KpiSettings.defaults()))) {
            for (int first = 0; first < 501; first += 167) {
                StringBuilder batch = new StringBuilder("[");
                for (int i = first; i < Math.min(501, first + 167); i++) {
                    String application = "app-%03d".formatted(i);
                    batch.append(batch.length() > 1 ? "," : "").append("""
                            {"type":"deployment","id":"%1$s-1","application":"%1$s","environment":"production",
                             "started":"2026-01-20T10:00:00Z","finished":"2026-01-20T10:05:00Z","result":"SUCCESS"},
                            {"type":"assignment","application":"%1$s","supplier":"acme","team":"team-%2$03d",
                             "responsibility":"BOTH","from":"2025-01-01T00:00:00Z"}""".formatted(application, i));
                }
                assertThat(many.post(batch.append("]").toString()).statusCode()).isEqualTo(200);
            }
            KpiQuery query = KpiQuery.ending(Scope.all(), "production", TestServer.NOW, KpiQuery.DEFAULT_WINDOW,
                    ZoneOffset.UTC);
            try (RemoteKpis remote = remote(many.server.baseUrl());
                    EmbeddedKpis local = new EmbeddedKpis(store, KpiSettings::defaults,
                            new Outbox(dir.resolve("many")), TestServer.CLOCK, PATIENT)) {
                List<TeamSummary> teams = remote.teams(query);
                assertThat(teams).hasSize(501).isEqualTo(local.teams(query));
                assertThat(teams.get(500)).isEqualTo(new TeamSummary("team-500", List.of("app-500")));
                assertThat(remote.applications(query)).hasSize(501);
            }
        }
    }

    @Test
    void aServerWithoutDataHoldsNoneUntilItsFirstEvent() throws Exception {
        StoreConfig store = TestServer.freshStore();
        try (TestServer empty = TestServer.start(store, new ServerOptions("127.0.0.1", 0, store, TestServer.TOKEN,
                null, TestServer.CLOCK, KpiSettings.defaults()));
                RemoteKpis remote = remote(empty.server.baseUrl());
                RemoteKpis seeded = new RemoteKpis(new CentralServer(URI.create(server.server.baseUrl()),
                        () -> TestServer.TOKEN, null), new Outbox(dir.resolve("seeded")), PATIENT, TestServer.CLOCK)) {
            assertThat(remote.holdsNoData()).isTrue();
            assertThat(seeded.holdsNoData()).isFalse();
            // an incident alone, without any deployment or pipeline, is data too
            assertThat(empty.post("""
                    {"type":"incident","id":"INC-first","application":"shop","environment":"production",
                     "started":"2026-01-25T08:00:00Z"}""").statusCode()).isEqualTo(200);
            assertThat(remote.holdsNoData()).isFalse();
        }
        String down = "http://127.0.0.1:" + CentralServerDeliveryTest.freePort();
        try (RemoteKpis unreachable = remote(down)) {
            assertThatThrownBy(() -> unreachable.read(unreachable::holdsNoData)).isInstanceOf(StoreException.class)
                    .hasMessageContaining(down);
        }
    }

    /** The server lists no environments: the forms suggest those this controller delivered, after a restart too. */
    @Test
    void theEnvironmentsSuggestedAreThoseThisControllerDelivered() throws Exception {
        Deployment toUat = Deployment.builder("env-probe-1").application("env-probe").environment("uat")
                .started(Instant.parse("2026-01-30T10:00:00Z")).finished(Instant.parse("2026-01-30T10:05:00Z"))
                .result(DeploymentResult.SUCCESS).build();
        try (RemoteKpis remote = remote(server.server.baseUrl())) {
            assertThat(remote.knownEnvironments()).isEmpty();
            assertThat(remote.submitNow(toUat)).isTrue();
            assertThat(remote.submitNow(new Incident("INC-env-probe", "env-probe", "dr-site",
                    Instant.parse("2026-01-30T11:00:00Z"), null, null, null, null, null, null))).isTrue();
            assertThat(remote.knownEnvironments()).containsExactly("dr-site", "uat");
        }
        try (RemoteKpis restarted = remote(server.server.baseUrl())) {
            assertThat(restarted.knownEnvironments()).containsExactly("dr-site", "uat");
        }
        String down = "http://127.0.0.1:" + CentralServerDeliveryTest.freePort();
        try (RemoteKpis unreachable = new RemoteKpis(new CentralServer(URI.create(down), () -> TestServer.TOKEN,
                null), new Outbox(dir.resolve("down")), PATIENT, TestServer.CLOCK)) {
            assertThat(unreachable.submitNow(toUat)).as("queued, not sent").isFalse();
            assertThat(unreachable.knownEnvironments()).as("only what the server took").isEmpty();
        }
    }

    @Test
    void theGateIsJudgedByTheServerWithItsPoliciesAsTheStoreWouldJudgeIt() throws Exception {
        Function<io.devopskpi.core.gate.GatePolicyLookup, KpiGate> byPolicy = policies -> policies.gate(
                "release-shop", TestServer.NOW).orElseThrow();
        Function<io.devopskpi.core.gate.GatePolicyLookup, KpiGate> own = policies -> GateJson.parse("""
                {"scope":{"application":"shop"},"window":"P30D","minSamples":3,
                 "thresholds":[{"metric":"changeFailureRate","operator":"<=","value":0.25},
                               {"metric":"timeToDetectMean","operator":"<=","value":"1h"}]}""", TestServer.NOW);
        try (RemoteKpis remote = remote(server.server.baseUrl()); EmbeddedKpis local = local()) {
            GateVerdict failed = remote.judge(byPolicy, null);
            assertThat(failed.status()).isEqualTo(GateStatus.FAILED);
            assertThat(failed).isEqualTo(local.judge(byPolicy, null));

            GateVerdict insufficient = remote.judge(own, null);
            assertThat(insufficient.status()).isEqualTo(GateStatus.INSUFFICIENT_DATA);
            assertThat(insufficient).isEqualTo(local.judge(own, null));

            Function<io.devopskpi.core.gate.GatePolicyLookup, KpiGate> everyApplication = policies -> GateJson.parse(
                    """
                    {"scope":{"environment":"production"},"window":"14d","minSeverity":"major",
                     "thresholds":[{"metric":"deploymentsPerWeek","operator":">=","value":10,"minSamples":20},
                                   {"metric":"timeToResolveMean","operator":"<","value":"2h"}]}""", TestServer.NOW);
            assertThat(remote.judge(everyApplication, null)).isEqualTo(local.judge(everyApplication, null));

            assertThat(remote.policyNames()).containsExactly("contract-acme", "needs-data", "release-shop");
            assertThatThrownBy(() -> remote.judge(policies -> policies.gate("nope", TestServer.NOW)
                    .orElseThrow(() -> new IllegalArgumentException("no gate policy is named 'nope'")), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        }
    }

    @Test
    void theReadApiIsPassedOnAndAnswersAsTheStoreWould() throws Exception {
        try (RemoteKpis remote = remote(server.server.baseUrl()); EmbeddedKpis local = local()) {
            List<Map<String, List<String>>> queries = List.of(Map.of(), Map.of("application", List.of("shop")),
                    Map.of("supplier", List.of("acme"), "window", List.of("P7D")), Map.of("window", List.of("1M")),
                    Map.of("nonsense", List.of("x")));
            for (String endpoint : List.of("kpis", "deployments", "applications", "policies", "pipelines",
                    "scorecards/acme", "export.csv")) {
                for (Map<String, List<String>> query : queries) {
                    ApiAnswer fromServer = remote.read(() -> remote.answer(endpoint, query, null));
                    ApiAnswer fromStore = local.answer(endpoint, query, null);
                    String what = endpoint + " " + query;
                    assertThat(fromServer.status()).as(what).isEqualTo(fromStore.status());
                    assertThat(fromServer.body()).as(what).isEqualTo(fromStore.body());
                    assertThat(fromServer.attachment()).as(what).isEqualTo(fromStore.attachment());
                }
            }
            assertThat(remote.read(() -> remote.answer("export.csv", Map.of(), null)).attachment())
                    .isEqualTo("devops-kpi-deployments.csv");
        }
    }

    @Test
    void theApplicationListShowsOnlyWhatTheReaderMaySeeAndCountsOnlyThat() throws Exception {
        try (RemoteKpis remote = remote(server.server.baseUrl()); EmbeddedKpis local = local()) {
            for (Map<String, List<String>> query : List.of(Map.<String, List<String>>of(),
                    Map.of("limit", List.of("1")), Map.of("offset", List.of("1"), "limit", List.of("1")))) {
                ApiAnswer fromServer = remote.read(() -> remote.answer("applications", query, "cart"::equals));
                assertThat(fromServer.status()).isEqualTo(200);
                assertThat(JsonParser.parseString(fromServer.body())).as(query.toString()).isEqualTo(
                        JsonParser.parseString(local.answer("applications", query, "cart"::equals).body()));
            }
            assertThat(remote.read(() -> remote.answer("applications", Map.of(), "cart"::equals)).body())
                    .contains("\"cart\"").doesNotContain("\"shop\"");
        }
    }

    @Test
    void aRefusedReadTokenIsNotAvailableNamingTheServerNotTheToken() throws Exception {
        StoreConfig store = TestServer.freshStore();
        try (TestServer guarded = TestServer.start(store, new ServerOptions("127.0.0.1", 0, store, TestServer.TOKEN,
                "the-read-token", TestServer.CLOCK, KpiSettings.defaults()));
                RemoteKpis remote = new RemoteKpis(new CentralServer(URI.create(guarded.server.baseUrl()),
                        () -> TestServer.TOKEN, () -> "a-wrong-read-token"), new Outbox(dir.resolve("q")), PATIENT,
                        TestServer.CLOCK)) {
            assertThatThrownBy(() -> remote.read(() -> remote.answer("kpis", Map.of(), null)))
                    .isInstanceOf(StoreException.class).hasMessageContaining(guarded.server.baseUrl())
                    .hasMessageContaining("401").satisfies(e -> assertThat(e.getMessage())
                            .doesNotContain("a-wrong-read-token"));
            assertThat(remote.summary("shop", Scope.application("shop"), "production").error())
                    .startsWith("KPIs are not available").contains("refused the token");
        }
    }

    @Test
    void theLastSuccessfulDeploymentComesFromTheServer() throws Exception {
        try (RemoteKpis remote = remote(server.server.baseUrl()); EmbeddedKpis local = local()) {
            assertThat(remote.lastSuccessfulDeployment("shop", "production")).contains("shop-14")
                    .isEqualTo(local.lastSuccessfulDeployment("shop", "production"));
            assertThat(remote.lastSuccessfulDeployment("shop", "staging")).isEmpty();
        }
    }

    @Test
    void anIncidentRecordedHereIsResolvedOnTheServer() throws Exception {
        try (RemoteKpis before = remote(server.server.baseUrl())) {
            Incident incident = new Incident("INC-remote-1", "shop", "production",
                    Instant.parse("2026-01-25T08:00:00Z"), Instant.parse("2026-01-25T08:00:00Z"), null, "P2", null,
                    null, null);
            assertThat(before.submitNow(incident)).isTrue();
        }
        assertThat(server.text("SELECT resolved FROM incident WHERE id = 'INC-remote-1'")).isNull();
        try (RemoteKpis remote = remote(server.server.baseUrl())) { // after a restart of the plugin
            assertThat(remote.resolveNow("INC-remote-1", Instant.parse("2026-01-25T09:30:00Z"))).isTrue();
            assertThat(server.text("SELECT resolved FROM incident WHERE id = 'INC-remote-1'")).startsWith(
                    "2026-01-25 09:30:00");
            assertThatThrownBy(() -> remote.resolveNow("INC-unknown", Instant.parse("2026-01-25T09:30:00Z")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INC-unknown");
        }
    }

    /**
     * Controller A records an incident, controller B (another plugin with an outbox of its own) resolves it: B finds
     * it in the server's incident list and sends the resolution, and the server's time to resolve counts it.
     */
    @Test
    void anIncidentAnotherControllerRecordedIsResolvedThroughTheServer() throws Exception {
        String url = server.server.baseUrl();
        try (RemoteKpis a = new RemoteKpis(new CentralServer(URI.create(url), () -> TestServer.TOKEN, null),
                new Outbox(dir.resolve("a")), PATIENT, TestServer.CLOCK)) {
            assertThat(a.submitNow(new Incident("INC-from-a", "ttr-probe", "production",
                    Instant.parse("2026-01-28T08:00:00Z"), Instant.parse("2026-01-28T08:10:00Z"), null, "P2", null,
                    null, null))).isTrue();
        }
        String kpis = "/api/v1/kpis?application=ttr-probe&window=P30D";
        assertThat(TestServer.json(server.get(kpis)).getAsJsonObject("timeToResolve").get("count").getAsInt())
                .isZero();
        try (RemoteKpis b = new RemoteKpis(new CentralServer(URI.create(url), () -> TestServer.TOKEN, null),
                new Outbox(dir.resolve("b")), PATIENT, TestServer.CLOCK)) {
            assertThat(b.resolveNow("INC-from-a", Instant.parse("2026-01-28T09:30:00Z"))).isTrue();
            assertThatThrownBy(() -> b.resolveNow("INC-nobody-recorded", Instant.parse("2026-01-28T09:30:00Z")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INC-nobody-recorded")
                    .hasMessageContaining("production");
        }
        var timeToResolve = TestServer.json(server.get(kpis)).getAsJsonObject("timeToResolve");
        assertThat(timeToResolve.get("count").getAsInt()).isEqualTo(1);
        assertThat(timeToResolve.get("medianSeconds").getAsDouble()).isEqualTo(5400);
        assertThat(server.text("SELECT severity FROM incident WHERE id = 'INC-from-a'")).as("only resolved changed")
                .isEqualTo("P2");
    }

    /** B resolves an incident while the server is down: the resolution waits on disk and arrives once it answers. */
    @Test
    void aResolutionWaitsForAServerThatIsDownAndArrivesOnceItAnswers() throws Exception {
        int port = CentralServerDeliveryTest.freePort();
        try (RemoteKpis b = new RemoteKpis(new CentralServer(URI.create("http://127.0.0.1:" + port),
                () -> TestServer.TOKEN, null), new Outbox(dir.resolve("b")), PATIENT, TestServer.CLOCK,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0))) {
            assertThat(b.resolveNow("INC-late", Instant.parse("2026-01-28T09:30:00Z"))).as("waits").isFalse();
            StoreConfig store = TestServer.freshStore();
            // the incident is stored before the server B waits for listens: B's retries must not find a server
            // that does not know it yet (a resolution of an unknown incident is set aside for good)
            try (TestServer earlier = TestServer.start(store, new ServerOptions("127.0.0.1",
                    CentralServerDeliveryTest.freePort(), store, TestServer.TOKEN, null, TestServer.CLOCK,
                    KpiSettings.defaults()))) {
                assertThat(earlier.post("""
                        {"type":"incident","id":"INC-late","application":"shop","environment":"production",
                         "started":"2026-01-28T08:00:00Z"}""").statusCode()).isEqualTo(200);
            }
            try (TestServer late = TestServer.start(store, new ServerOptions("127.0.0.1", port, store,
                    TestServer.TOKEN, null, TestServer.CLOCK, KpiSettings.defaults()))) {
                Instant giveUp = Instant.now().plusSeconds(30);
                while (late.text("SELECT resolved FROM incident WHERE id = 'INC-late'") == null
                        && Instant.now().isBefore(giveUp)) {
                    Thread.sleep(50);
                }
                assertThat(late.text("SELECT resolved FROM incident WHERE id = 'INC-late'"))
                        .as("stored within 30 s, not never").startsWith("2026-01-28 09:30:00");
            }
        }
    }

    /**
     * A server that takes the connection and never answers (hung behind a proxy): pages, gates and steps give up after
     * their patience, not never, and say why.
     */
    @Test
    void aHungServerHoldsNobodyLongerThanTheirPatience() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer hung = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hung.setExecutor(Executors.newCachedThreadPool());
        hung.createContext("/", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hung.start();
        Patience quick = new Patience(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofMillis(300), Duration.ofMillis(300));
        KpiGate fallback = GateJson.parse("""
                {"scope":{"application":"shop"},"thresholds":[{"metric":"changeFailureRate","operator":"<=",
                 "value":0.25}]}""", TestServer.NOW);
        try (RemoteKpis remote = new RemoteKpis(new CentralServer(URI.create("http://127.0.0.1:"
                + hung.getAddress().getPort()), () -> TestServer.TOKEN, null), new Outbox(dir.resolve("hung")), quick,
                TestServer.CLOCK)) {
            Instant start = Instant.now();
            assertThat(remote.summary("shop", Scope.application("shop"), "production").error())
                    .startsWith("KPIs are not available");
            assertThat(remote.judge(policies -> fallback, fallback).status()).isEqualTo(GateStatus.INSUFFICIENT_DATA);
            assertThat(remote.submitNow(new Incident("INC-hung", "shop", "production",
                    Instant.parse("2026-01-25T08:00:00Z"), null, null, null, null, null, null))).isFalse();
            assertThatThrownBy(() -> remote.lastSuccessfulDeployment("shop", "production"))
                    .isInstanceOf(StoreException.class);
            assertThat(Duration.between(start, Instant.now())).as("each gave up after its patience, not never")
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            release.countDown();
            hung.stop(0);
        }
    }

    @Test
    void aServerThatIsDownMakesEveryReadSayNotAvailableNeverZero() throws Exception {
        String down = "http://127.0.0.1:" + CentralServerDeliveryTest.freePort();
        KpiGate fallback = GateJson.parse("""
                {"scope":{"application":"shop"},"thresholds":[{"metric":"changeFailureRate","operator":"<=",
                 "value":0.25}]}""", TestServer.NOW);
        try (RemoteKpis remote = remote(down)) {
            KpiSummary summary = remote.summary("shop", Scope.application("shop"), "production");
            assertThat(summary.deploymentsPerWeek()).isNull();
            assertThat(summary.changeSuccessRate()).isNull();
            assertThat(summary.error()).startsWith("KPIs are not available: ").contains(down);

            assertThat(remote.applicationSummary("shop", "production", p -> true).error())
                    .startsWith("KPIs are not available: ");

            GateVerdict verdict = remote.judge(policies -> fallback, fallback);
            assertThat(verdict.status()).isEqualTo(GateStatus.INSUFFICIENT_DATA);
            assertThat(verdict.message()).contains("the central server is not usable");
            assertThatThrownBy(() -> remote.judge(policies -> policies.gate("release-shop", TestServer.NOW)
                    .orElseThrow(), null)).isInstanceOf(StoreException.class);
            assertThatThrownBy(remote::policyNames).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> remote.lastSuccessfulDeployment("shop", "production"))
                    .isInstanceOf(StoreException.class);
        }
    }
}
