package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.store.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * issue 13, the per-client request rate ({@code --rate-limit}): over real HTTP, a client beyond its budget gets 429
 * with Retry-After and the usual error body, while health checks, other tokens and other addresses go on.
 */
class RateLimitApiTest {
    private static final String DEPLOYMENT = """
            {"type": "deployment", "id": "r-%d", "application": "shop", "environment": "production",
             "started": "2026-01-30T10:00:00Z", "finished": "2026-01-30T10:07:00Z", "result": "SUCCESS"}""";

    private static TestServer server(String rate) {
        StoreConfig store = TestServer.freshStore();
        return TestServer.start(store, ServerOptions.forTests(store, TestServer.TOKEN, TestServer.CLOCK),
                ServerLimits.defaults().withRate(RateLimit.parse(rate)));
    }

    @Test
    void aClientOverItsBudgetGets429WithRetryAfterAndOthersGoOn() throws IOException {
        try (TestServer server = server("3/min")) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.get("/api/v1/kpis?application=shop").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = server.get("/api/v1/kpis?application=shop");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 20L));
            assertThat(TestServer.json(refused).get("error").getAsString())
                    .contains("too many requests").contains("3/min");
            assertThat(refused.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            // any path counts for that address: the dashboard's assets too
            assertThat(server.get("/").statusCode()).isEqualTo(429);

            // health checks are never limited
            for (int i = 0; i < 10; i++) {
                assertThat(server.get("/api/v1/health").statusCode()).isEqualTo(200);
            }
            // the write token is its own client, with its own budget; its refusal stores nothing
            for (int i = 0; i < 3; i++) {
                assertThat(server.post(DEPLOYMENT.formatted(i)).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> write = server.post(DEPLOYMENT.formatted(3));
            assertThat(write.statusCode()).isEqualTo(429);
            assertThat(write.body()).doesNotContain(TestServer.TOKEN);
            assertThat(server.rows("deployment")).isEqualTo(3);

            // another address (all of 127.0.0.0/8 is this machine) has its own budget
            assertThat(rawGet(server, "127.0.0.2", "/api/v1/kpis?application=shop")).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aWrongTokenCountsAgainstItsAddressNotAgainstTheWriter() {
        try (TestServer server = server("2/min")) {
            for (int i = 0; i < 2; i++) {
                assertThat(server.post(DEPLOYMENT.formatted(i), "Bearer guess-" + i).statusCode()).isEqualTo(401);
            }
            assertThat(server.post(DEPLOYMENT.formatted(9), "Bearer guess-9").statusCode()).isEqualTo(429);
            // guessing tokens did not spend the writer's budget
            assertThat(server.post(DEPLOYMENT.formatted(1)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void manyAddressesKeepTheServerUsableAndTheTableBounded() throws IOException {
        try (TestServer server = server("1/h")) {
            // 300 distinct loopback addresses, each allowed its one request
            for (int i = 0; i < 300; i++) {
                String address = "127.0." + (1 + i / 250) + "." + (1 + i % 250);
                assertThat(rawGet(server, address, "/api/v1/openapi.json")).startsWith("HTTP/1.1 200");
            }
            assertThat(rawGet(server, "127.0.1.1", "/api/v1/openapi.json")).startsWith("HTTP/1.1 429");
            assertThat(server.get("/api/v1/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theCommandLineTakesTheLimitAndRefusesANonsenseOneNamingIt() throws CommandLine.UsageException {
        assertThat(CommandLine.parse().serverLimits()).isEqualTo(ServerLimits.defaults());
        assertThat(CommandLine.parse("--rate-limit", "20/s").serverLimits().rate())
                .isEqualTo(new RateLimit(20, Duration.ofSeconds(1)));
        assertThat(CommandLine.parse("--rate-limit", "off").serverLimits().rate().isOff()).isTrue();
        assertThatThrownBy(() -> CommandLine.parse("--rate-limit", "lots").serverLimits())
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("--rate-limit")
                .hasMessageContaining("'lots'");
    }

    /** A GET from a given local address, over a plain socket (the JDK's client cannot choose its address). */
    static String rawGet(TestServer server, String localAddress, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.server.port(),
                InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
