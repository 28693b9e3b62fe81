package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: 260 clients sending their request headers one byte at a time held the server until they left (health
 * checks timed out). Over real sockets: while 300 such clients trickle, health still answers, and a client that has
 * not completed its headers within the header timeout is disconnected.
 */
class SlowClientsTest {
    private static final int SLOW_CLIENTS = 300;

    @Test
    void healthAnswersWhileSlowClientsTrickleHeadersAndTheyAreCutOff() throws Exception {
        try (TestServer server = TestServer.start()) {
            AtomicBoolean trickling = new AtomicBoolean(true);
            AtomicInteger cutOff = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(SLOW_CLIENTS);
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    clients.submit(() -> trickle(server.server.port(), trickling, cutOff));
                }
                Thread.sleep(2_000); // every slow client connected and sending

                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> health = client.send(HttpRequest.newBuilder(server.uri("/api/v1/health"))
                            .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).isEqualTo(200);
                }

                // the header timeout (KpiServer.HEADER_TIMEOUT) disconnects them although they keep sending
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (cutOff.get() < SLOW_CLIENTS && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(cutOff.get()).isEqualTo(SLOW_CLIENTS);
            } finally {
                trickling.set(false);
                clients.shutdownNow();
                assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    /** Sends a request's headers one byte every 100 ms, forever; counts the connection when the server closes it. */
    private static Void trickle(int port, AtomicBoolean trickling, AtomicInteger cutOff) {
        byte[] head = ("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                + "a".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 20_000);
            socket.setSoTimeout(50);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < head.length && trickling.get(); i++) {
                out.write(head[i]);
                out.flush();
                try {
                    if (in.read() < 0) {
                        cutOff.incrementAndGet();
                        return null;
                    }
                    // an answer (such as 408) also ends it
                    cutOff.incrementAndGet();
                    return null;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    Thread.sleep(50);
                }
            }
        } catch (IOException e) {
            cutOff.incrementAndGet(); // reset by the server
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
