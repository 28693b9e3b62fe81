package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.store.StoreConfig;
import java.net.http.HttpResponse;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

class HealthApiTest {
    @Test
    void isUpWhileTheStoreAnswers() {
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> response = server.get("/api/v1/health");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void isDownWithoutSecretsWhenTheDatabaseIsGone() throws Exception {
        Server database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        StoreConfig store = StoreConfig.jdbc("jdbc:h2:tcp://localhost:" + database.getPort()
                + "/mem:health;DB_CLOSE_DELAY=-1", "sa", "secret-password");
        try (TestServer server = TestServer.start(store, ServerOptions.forTests(store, TestServer.TOKEN,
                TestServer.CLOCK))) {
            database.stop();

            HttpResponse<String> response = server.get("/api/v1/health");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response).get("status").getAsString()).isEqualTo("DOWN");
            assertThat(json(response).get("store").getAsString()).isNotBlank();
            assertThat(response.body()).doesNotContain("jdbc").doesNotContain("secret").doesNotContain("Exception");
        }
    }
}
