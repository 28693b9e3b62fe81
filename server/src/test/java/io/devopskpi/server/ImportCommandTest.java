package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} against a real server: progress, idempotent re-runs, exit codes and refused rows named. */
class ImportCommandTest {
    @TempDir
    Path dir;

    private TestServer server;
    private Path token;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        token = Files.writeString(dir.resolve("token"), TestServer.TOKEN + "\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--server", server.server.baseUrl(), "--token-file",
                token.toString()));
        all.addAll(List.of(args));
        return new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HttpClient.newHttpClient()).run(all);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void importsAssignmentsFromCsvAndARerunChangesNothing() throws IOException {
        Path csv = file("assignments.csv", """
                application,supplier,team,responsibility,from,to
                shop,acme,storefront,DELIVERY,2026-01-01T00:00:00Z,
                "shop",northwind,,OPERATIONS,2026-01-01T00:00:00Z,2026-07-01T00:00:00Z
                """);
        assertThat(run(csv.toString())).isEqualTo(ImportCommand.IMPORTED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("imported 2 of 2 events (accepted 2, duplicates 0, updated 0)");
        assertThat(run(csv.toString())).isEqualTo(ImportCommand.IMPORTED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("imported 2 of 2 events (accepted 0, duplicates 2, updated 0)");
        assertThat(json(server.get("/api/v1/assignments?application=shop")).getAsJsonArray("assignments"))
                .hasSize(2);
    }

    @Test
    void postsInBatchesWithAProgressLineEach() throws IOException {
        StringBuilder csv = new StringBuilder("responsibility,application,supplier,team,from,to\n");
        for (int i = 0; i < 600; i++) {
            csv.append("BOTH,app-").append(i).append(",acme,,2026-01-01T00:00:00Z,\n");
        }
        assertThat(run(file("many.csv", csv.toString()).toString())).isEqualTo(ImportCommand.IMPORTED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("imported 500 of 600 events (accepted 500, duplicates 0, updated 0)")
                .contains("imported 600 of 600 events (accepted 600, duplicates 0, updated 0)");
    }

    @Test
    void aRefusedRowIsNamedByItsLineAndExitsTwo() throws IOException {
        Path csv = file("bad.csv", """
                application,supplier,team,responsibility,from,to
                shop,acme,storefront,DELIVERY,2026-01-01T00:00:00Z,
                checkout,acme,payments,RUNNING,2026-01-01T00:00:00Z,
                """);
        assertThat(run(csv.toString())).isEqualTo(ImportCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("line 3: responsibility: responsibility must be one of DELIVERY, OPERATIONS, BOTH, got "
                        + "'RUNNING'")
                .contains("nothing was stored");
        assertThat(server.rows("assignment")).isZero();
        assertThat(run(file("short.csv", "application,supplier,team,responsibility,from,to\nshop,acme\n")
                .toString())).isEqualTo(ImportCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2: expected 6 cells, got 2");
    }

    @Test
    void importsAnyEventsFromJsonAndNamesConflicts() throws IOException {
        Path json = file("targets.json", """
                [{"type":"application","application":"shop","tags":["web"]},
                 {"type":"target","supplier":"acme","metric":"changeSuccessRate","operator":">=","value":0.9,
                  "period":"QUARTER","from":"2026-01-01T00:00:00Z"}]""");
        assertThat(run(json.toString())).isEqualTo(ImportCommand.IMPORTED);
        Path overlapping = file("overlap.json", """
                [{"type":"target","supplier":"acme","metric":"changeSuccessRate","operator":">=","value":0.95,
                  "period":"QUARTER","from":"2026-04-01T00:00:00Z"}]""");
        assertThat(run(overlapping.toString())).isEqualTo(ImportCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("event 0: conflict: target "
                + "'acme/changeSuccessRate/2026-04-01T00:00:00Z' overlaps target "
                + "'acme/changeSuccessRate/2026-01-01T00:00:00Z'");
    }

    @Test
    void badArgumentsExitTwoAndAnUnreachableServerFour() throws IOException {
        assertThat(run(file("x.txt", "hello").toString())).isEqualTo(ImportCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must end in .csv (assignments) or .json");
        assertThat(new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HttpClient.newHttpClient())
                .run(List.of(file("a.json", "[]").toString()))).isEqualTo(ImportCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--token-file is required");
        Path csv = file("one.csv", "application,supplier,team,responsibility,from,to\nshop,acme,,BOTH,"
                + "2026-01-01T00:00:00Z,\n");
        assertThat(new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HttpClient.newHttpClient())
                .run(List.of("--server", "http://127.0.0.1:1", "--token-file", token.toString(), csv.toString())))
                .isEqualTo(ImportCommand.UNREACHABLE);
    }
}
