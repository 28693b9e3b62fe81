package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.store.StoreConfig;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code --max-connections}: with the limit reached the server accepts no further connection (the kernel queues
 * it) until one of those it holds closes; then the queued request is answered.
 */
class ConnectionLimitTest {
    private static final int LIMIT = 3;

    @Test
    void aConnectionBeyondTheLimitWaitsUntilAHeldOneCloses() throws Exception {
        StoreConfig store = TestServer.freshStore();
        ServerOptions options = ServerOptions.forTests(store, TestServer.TOKEN, TestServer.CLOCK)
                .withLimits(HttpLimits.defaults().withMaxConnections(LIMIT));
        List<Socket> idle = new ArrayList<>();
        try (TestServer server = TestServer.start(store, options)) {
            for (int i = 0; i < LIMIT; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", server.server.port()), 5_000);
                idle.add(socket);
            }
            Thread.sleep(500); // the server has accepted the three and stopped accepting

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
            CompletableFuture<HttpResponse<String>> health = client.sendAsync(HttpRequest.newBuilder(
                    server.uri("/api/v1/health")).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(2_000);
            assertThat(health).as("not answered while the limit is reached").isNotDone();

            idle.remove(0).close();
            assertThat(health.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }
}
