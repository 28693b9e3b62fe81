package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: 260 clients sending their request headers one byte at a time held the server until they left (health
 * checks timed out). Over real sockets: while 1,000 such clients trickle, health still answers (each probe within
 * 20 s, not never), and every client that has not completed its headers within the header timeout
 * ({@link HttpLimits#DEFAULT_HEADER_TIMEOUT}, cut off by twice that) is disconnected although it keeps sending.
 */
class SlowClientsTest {
    private static final int SLOW_CLIENTS = 1_000;

    @Test
    void healthAnswersWhileAThousandSlowClientsTrickleHeadersAndTheyAreCutOff() throws Exception {
        try (TestServer server = TestServer.start();
                SlowClients slow = SlowClients.open(new InetSocketAddress("127.0.0.1", server.server.port()),
                        SLOW_CLIENTS, Duration.ofMillis(100))) {
            Thread.sleep(1_000); // every slow client sending

            SlowClients.slowestHealth(server.uri("/api/v1/health"), 5);
            // they were all still held while health answered (none of them ever completes its headers)
            assertThat(slow.held() + slow.cutOff()).isEqualTo(SLOW_CLIENTS);
            assertThat(slow.cutOff()).as("cut off before the header timeout").isZero();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (slow.held() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(slow.cutOff()).isEqualTo(SLOW_CLIENTS);
        }
    }
}
