package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.store.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 13, named write tokens ({@code --writers-file}): each writer's token writes, the log names the writer and
 * never a token, and removing a writer's line revokes its token while the server runs.
 */
class NamedWritersApiTest {
    private static final String EAST = "east-token-0123456789";
    private static final String WEST = "west-token-9876543210";

    @TempDir
    Path folder;

    private static String deployment(String id) {
        return """
                {"type": "deployment", "id": "%s", "application": "shop", "environment": "production",
                 "started": "2026-01-30T10:00:00Z", "finished": "2026-01-30T10:07:00Z", "result": "SUCCESS"}"""
                .formatted(id);
    }

    @Test
    void eachWriterWritesUnderItsNameAndARemovedLineRevokesItsToken() throws IOException {
        Path writers = folder.resolve("writers");
        Files.writeString(writers, "# CI controllers\nci-east " + EAST + "\nci-west   " + WEST + "\n");
        StoreConfig store = TestServer.freshStore();
        try (TestServer server = TestServer.start(store, ServerOptions.forTests(store, TestServer.TOKEN,
                TestServer.CLOCK).withWriters(writers))) {
            String logged = captured(() -> {
                assertThat(server.post(deployment("e-1"), "Bearer " + EAST).statusCode()).isEqualTo(200);
                assertThat(server.post(deployment("w-1"), "Bearer " + WEST).statusCode()).isEqualTo(200);
                // the server's own write token still writes, as "default"
                assertThat(server.post(deployment("d-1")).statusCode()).isEqualTo(200);
                return null;
            });
            assertThat(logged).contains("events from writer 'ci-east': 1 accepted")
                    .contains("events from writer 'ci-west': 1 accepted")
                    .contains("events from writer 'default': 1 accepted")
                    .doesNotContain(EAST).doesNotContain(WEST).doesNotContain(TestServer.TOKEN);
            // a writer's token reads too, as the write token does
            assertThat(server.get("/api/v1/kpis?application=shop").statusCode()).isEqualTo(200);

            // west is removed: its token is refused without a restart, east's still writes
            Files.writeString(writers, "ci-east " + EAST + "\n");
            Files.setLastModifiedTime(writers, FileTime.from(Instant.now().plusSeconds(5)));
            HttpResponse<String> refused = server.post(deployment("w-2"), "Bearer " + WEST);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).doesNotContain(WEST);
            assertThat(server.post(deployment("e-2"), "Bearer " + EAST).statusCode()).isEqualTo(200);
            // nothing of the refused write was stored: e-1, w-1, d-1, e-2
            assertThat(TestServer.json(server.get("/api/v1/deployments?application=shop&window=P30D"))
                    .get("total").getAsInt()).isEqualTo(4);
        }
    }

    @Test
    void aMalformedWritersFileStopsTheServerWithTheLineAndNoToken() throws IOException {
        Path writers = folder.resolve("writers");
        Files.writeString(writers, "ci-east " + EAST + "\nci/east " + WEST + "\n");
        assertThatThrownBy(() -> CommandLine.parse("--writers-file", writers.toString())
                .options(null, TestServer.CLOCK))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("line 2")
                .hasMessageNotContaining(WEST).hasMessageNotContaining(EAST);
        Files.writeString(writers, "ci-east " + EAST + "\nci-east " + WEST + "\n");
        assertThatThrownBy(() -> CommandLine.parse("--writers-file", writers.toString())
                .options(null, TestServer.CLOCK))
                .hasMessageContaining("named twice");
    }

    private static String captured(Supplier<Void> work) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            work.get();
        } finally {
            System.setErr(original);
        }
        return log.toString(StandardCharsets.UTF_8);
    }
}
