package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.remote.Backoff;
import io.devopskpi.core.remote.CentralServer;
import io.devopskpi.core.remote.OutboxDelivery;
import io.devopskpi.core.remote.ServerSink;
import io.devopskpi.core.remote.ServerUnavailableException;
import io.devopskpi.core.store.StoreConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's way to a central server (issue 14, 3b): its outbox delivered by {@link ServerSink} to a real server
 * on a free port, over real HTTP into a real store.
 */
class CentralServerDeliveryTest {
    @TempDir
    Path dir;

    static Deployment deployment(String id, DeploymentResult result) {
        return Deployment.builder(id).application("shop").environment("production")
                .started(Instant.parse("2026-01-05T10:00:00Z")).finished(Instant.parse("2026-01-05T10:07:00Z"))
                .result(result).build();
    }

    static Deployment deployment(String id) {
        return deployment(id, DeploymentResult.SUCCESS);
    }

    private static CentralServer central(String baseUrl, String token) {
        return new CentralServer(URI.create(baseUrl), () -> token, null, Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }

    @Test
    void everyQueuedEventArrivesOnceEvenWhenResentAfterALostAnswer() throws Exception {
        try (TestServer server = TestServer.start()) {
            Outbox outbox = new Outbox(dir);
            ServerSink sink = new ServerSink(central(server.server.baseUrl(), TestServer.TOKEN));
            outbox.put(deployment("jenkins:shop#1"));
            outbox.put(deployment("jenkins:shop#2"));
            outbox.put(deployment("jenkins:shop#3"));

            assertThat(outbox.replay(sink)).isEqualTo(3);
            assertThat(outbox.pending()).isEmpty();
            assertThat(server.rows("deployment")).isEqualTo(3);

            // the answer to #2 was lost: its file was not deleted, so it is sent again
            outbox.put(deployment("jenkins:shop#2"));
            assertThat(outbox.replay(sink)).isEqualTo(1);
            assertThat(server.rows("deployment")).isEqualTo(3);
            assertThat(outbox.pending()).isEmpty();
        }
    }

    @Test
    void aServerThatIsDownGetsEverythingQueuedWhenItComesUpAfterAPluginRestart() throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        Outbox before = new Outbox(dir);
        before.put(deployment("jenkins:shop#1"));
        before.put(deployment("jenkins:shop#2"));

        assertThatThrownBy(() -> before.replay(new ServerSink(central(url, TestServer.TOKEN))))
                .isInstanceOf(ServerUnavailableException.class).hasMessageContaining(url + "/api/v1/events");
        assertThat(before.pending()).hasSize(2);

        StoreConfig store = TestServer.freshStore();
        try (TestServer server = TestServer.start(store, new ServerOptions("127.0.0.1", port, store,
                TestServer.TOKEN, null, TestServer.CLOCK, KpiSettings.defaults()))) {
            Outbox after = new Outbox(dir); // the plugin started again over the same folder
            after.put(deployment("jenkins:shop#3"));
            assertThat(after.replay(new ServerSink(central(url, TestServer.TOKEN)))).isEqualTo(3);
            assertThat(server.rows("deployment")).isEqualTo(3);
            assertThat(after.pending()).isEmpty();
        }
    }

    @Test
    void invalidAndConflictingEventsAreSetAsideAndTheRestArrive() throws Exception {
        try (TestServer server = TestServer.start()) {
            Outbox outbox = new Outbox(dir);
            ServerSink sink = new ServerSink(central(server.server.baseUrl(), TestServer.TOKEN));
            outbox.put(deployment("jenkins:shop#1"));
            String conflicting = outbox.put(deployment("jenkins:shop#1", DeploymentResult.FAILURE));
            // valid here, but a year after the server's clock: the server refuses it with 400
            String invalid = outbox.put(Deployment.builder("jenkins:shop#2").application("shop")
                    .environment("production").started(Instant.parse("2027-02-01T10:00:00Z"))
                    .finished(Instant.parse("2027-02-01T10:05:00Z")).result(DeploymentResult.SUCCESS).build());
            outbox.put(deployment("jenkins:shop#3"));

            assertThat(outbox.replay(sink)).isEqualTo(2);

            assertThat(outbox.isRejected(conflicting)).isTrue();
            assertThat(outbox.isRejected(invalid)).isTrue();
            assertThat(outbox.pending()).isEmpty();
            assertThat(server.rows("deployment")).isEqualTo(2);
            assertThat(server.text("SELECT result FROM deployment WHERE id = 'jenkins:shop#1'")).isEqualTo("SUCCESS");
        }
    }

    @Test
    void theServersFieldErrorsComeBackWithTheRefusal() throws Exception {
        try (TestServer server = TestServer.start()) {
            ServerSink sink = new ServerSink(central(server.server.baseUrl(), TestServer.TOKEN));
            assertThatThrownBy(() -> sink.accept(Deployment.builder("jenkins:shop#9").application("shop")
                    .environment("production").started(Instant.parse("2027-02-01T10:00:00Z"))
                    .finished(Instant.parse("2027-02-01T10:05:00Z")).result(DeploymentResult.SUCCESS).build()))
                    .isInstanceOfSatisfying(io.devopskpi.core.ingest.InvalidEventsException.class, e ->
                            assertThat(e.errors()).anySatisfy(error -> assertThat(error.field()).isEqualTo("started")));
        }
    }

    @Test
    void aProxysErrorPageIsNotTheServersRefusalAndKeepsTheEventQueued() throws Exception {
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] page = "<html><body>400 Bad Request (proxy)</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(400, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        proxy.start();
        try {
            Outbox outbox = new Outbox(dir);
            String name = outbox.put(deployment("jenkins:shop#1"));
            String url = "http://127.0.0.1:" + proxy.getAddress().getPort();
            assertThatThrownBy(() -> outbox.replay(new ServerSink(central(url, TestServer.TOKEN))))
                    .isInstanceOf(ServerUnavailableException.class).hasMessageContaining("HTTP 400")
                    .hasMessageContaining("proxy");
            assertThat(outbox.isPending(name)).isTrue();
            assertThat(outbox.isRejected(name)).isFalse();
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void aWrongTokenKeepsTheEventsQueuedAndNoMessageNamesIt() throws Exception {
        try (TestServer server = TestServer.start()) {
            Outbox outbox = new Outbox(dir);
            outbox.put(deployment("jenkins:shop#1"));
            String wrong = "not-the-token-" + System.nanoTime();

            assertThatThrownBy(() -> outbox.replay(new ServerSink(central(server.server.baseUrl(), wrong))))
                    .isInstanceOf(ServerUnavailableException.class)
                    .hasMessageContaining(server.server.baseUrl() + "/api/v1/events").hasMessageContaining("401")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
            assertThat(outbox.pending()).hasSize(1);
            assertThat(server.rows("deployment")).isZero();
            assertThat(outbox.replay(new ServerSink(central(server.server.baseUrl(), TestServer.TOKEN))))
                    .isEqualTo(1);
        }
    }

    @Test
    void theDeliveryBacksOffWhileTheServerIsDownAndResetsWhenItAnswers() throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        Outbox outbox = new Outbox(dir);
        outbox.put(deployment("jenkins:shop#1"));
        try (OutboxDelivery delivery = new OutboxDelivery(outbox, new ServerSink(central(url, TestServer.TOKEN)),
                Backoff.DEFAULT, Clock.systemUTC())) {
            delivery.soon();
            waitUntil(() -> delivery.backoff().failures() >= 1); // its first try, at start, found no server
            int failures = delivery.backoff().failures();
            assertThatThrownBy(delivery::deliverNow).isInstanceOf(ServerUnavailableException.class);
            assertThat(delivery.backoff().failures()).isEqualTo(failures + 1);
            assertThat(delivery.backoff().delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));

            StoreConfig store = TestServer.freshStore();
            try (TestServer server = TestServer.start(store, new ServerOptions("127.0.0.1", port, store,
                    TestServer.TOKEN, null, TestServer.CLOCK, KpiSettings.defaults()))) {
                assertThat(delivery.deliverNow()).isEqualTo(1);
                assertThat(delivery.backoff().delay()).isZero();
                assertThat(server.rows("deployment")).isEqualTo(1);
            }
        }
    }

    @Test
    void aRateLimitedDrainThatGotEventsThroughWaitsOnlyTheFirstStep() throws Exception {
        StoreConfig store = TestServer.freshStore();
        try (TestServer server = TestServer.start(store, ServerOptions.forTests(store, TestServer.TOKEN,
                TestServer.CLOCK), ServerLimits.defaults().withRate(RateLimit.parse("5/min")))) {
            Outbox outbox = new Outbox(dir);
            for (int i = 1; i <= 12; i++) {
                outbox.put(deployment("jenkins:shop#" + i));
            }
            // five failures in a row before (the server was down): the next wait would be 32 s
            try (OutboxDelivery delivery = new OutboxDelivery(outbox, new ServerSink(central(
                    server.server.baseUrl(), TestServer.TOKEN)), new Backoff(Duration.ofSeconds(1),
                    Duration.ofMinutes(5), 5), Clock.systemUTC())) {
                assertThatThrownBy(delivery::deliverNow).isInstanceOf(ServerUnavailableException.class)
                        .hasMessageContaining("429");
                assertThat(server.rows("deployment")).isEqualTo(5);
                assertThat(delivery.backoff().delay()).isEqualTo(Duration.ofSeconds(1));
                // nothing got through now: the wait doubles again
                assertThatThrownBy(delivery::deliverNow).isInstanceOf(ServerUnavailableException.class);
                assertThat(delivery.backoff().delay()).isEqualTo(Duration.ofSeconds(2));
                assertThat(outbox.pending()).hasSize(7);
            }
        }
    }

    @Test
    void whatARestartLeftQueuedIsDeliveredInTheBackground() throws Exception {
        try (TestServer server = TestServer.start()) {
            Outbox outbox = new Outbox(dir);
            outbox.put(deployment("jenkins:shop#1"));
            outbox.put(deployment("jenkins:shop#2"));
            try (OutboxDelivery delivery = new OutboxDelivery(new Outbox(dir),
                    new ServerSink(central(server.server.baseUrl(), TestServer.TOKEN)), Backoff.DEFAULT,
                    Clock.systemUTC())) {
                delivery.soon();
                waitUntil(() -> outbox.pending().isEmpty());
                assertThat(server.rows("deployment")).isEqualTo(2);
                outbox.put(deployment("jenkins:shop#3"));
                delivery.soon();
                waitUntil(() -> outbox.pending().isEmpty());
                assertThat(server.rows("deployment")).isEqualTo(3);
            }
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Within 10 s, not never. */
    static void waitUntil(Condition condition) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(10);
        while (!condition.holds()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
