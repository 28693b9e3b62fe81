package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.remote.CentralServer;
import io.devopskpi.core.remote.ConnectionCheck;
import io.devopskpi.core.store.StoreConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The plugin's "Test connection" (issue 14, 3b) against a real server: what it finds, and that it stores nothing. */
class ConnectionCheckTest {
    private static final String READ_TOKEN = "read-token-of-the-central-server";

    private static CentralServer central(String url, String write, String read) {
        return new CentralServer(URI.create(url), () -> write, () -> read);
    }

    @Test
    void aServerThatIsUpAndTakesBothTokensPassesAndNothingIsStored() {
        try (TestServer server = TestServer.start()) {
            ConnectionCheck.Result result = ConnectionCheck.of(central(server.server.baseUrl(), TestServer.TOKEN,
                    null));
            assertThat(result.ok()).as(result.text()).isTrue();
            assertThat(result.text()).isEqualTo("the server at " + server.server.baseUrl() + " is up; it takes the "
                    + "write token; reads pass");
            assertThat(server.storedEvents()).isZero();
        }
    }

    @Test
    void aWrongWriteTokenIsNamedAsRefusedWithoutShowingIt() {
        String wrong = "wrong-write-token-" + System.nanoTime();
        try (TestServer server = TestServer.start()) {
            ConnectionCheck.Result result = ConnectionCheck.of(central(server.server.baseUrl(), wrong, null));
            assertThat(result.ok()).isFalse();
            assertThat(result.text()).contains("is up", "it refuses the write token (HTTP 401)")
                    .doesNotContain(wrong);
        }
    }

    @Test
    void aServerWithAReadTokenRefusesReadsWithAnotherOne() {
        StoreConfig store = TestServer.freshStore();
        try (TestServer server = TestServer.start(store, new ServerOptions("127.0.0.1", 0, store, TestServer.TOKEN,
                READ_TOKEN, TestServer.CLOCK, KpiSettings.defaults()))) {
            ConnectionCheck.Result wrongRead = ConnectionCheck.of(central(server.server.baseUrl(), TestServer.TOKEN,
                    "not-the-read-token"));
            assertThat(wrongRead.ok()).isFalse();
            assertThat(wrongRead.text()).contains("it takes the write token", "it refuses reads (HTTP 401)")
                    .doesNotContain("not-the-read-token");

            assertThat(ConnectionCheck.of(central(server.server.baseUrl(), TestServer.TOKEN, READ_TOKEN)).ok())
                    .isTrue();
            // without a read token the reads present the write token, which the server accepts too
            assertThat(ConnectionCheck.of(central(server.server.baseUrl(), TestServer.TOKEN, null)).ok()).isTrue();
        }
    }

    @Test
    void aServerThatIsDownIsNamedByItsUrl() throws Exception {
        String down = "http://127.0.0.1:" + CentralServerDeliveryTest.freePort();
        ConnectionCheck.Result result = ConnectionCheck.of(central(down, TestServer.TOKEN, null));
        assertThat(result.ok()).isFalse();
        assertThat(result.text()).startsWith("cannot reach " + down + "/api/v1/health");
    }

    @Test
    void noWriteTokenChosenIsSaidSo() {
        try (TestServer server = TestServer.start()) {
            ConnectionCheck.Result result = ConnectionCheck.of(central(server.server.baseUrl(), null, null));
            assertThat(result.ok()).isFalse();
            assertThat(result.text()).contains("no write token for " + server.server.baseUrl() + "/api/v1/events");
        }
    }
}
