package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.store.StoreBackup;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.server.demo.DemoSeeder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} and {@code restore} of the embedded store: a backup taken from a running server and one of a
 * stopped store, each restored into an empty folder, give every KPI, list and scorecard answer the original gave; a
 * folder that is not empty, a backup of a newer schema and a locked store are refused with the reason.
 */
class BackupRestoreTest {
    /** Every read answer that carries KPIs or stored data, for the demo's data, with the parameters each takes. */
    static final List<String> WINDOWED = List.of("kpis", "trends", "suppliers", "components", "comparison",
            "export.csv");
    static final List<String> PAGED = List.of("applications", "teams", "deployments", "failed-changes", "incidents");
    static final List<String> WHOLE = List.of("assignments", "targets", "policies", "surveys?window=P180D");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private TestServer serverOn(Path data) {
        StoreConfig store = StoreConfig.embedded(data);
        return TestServer.start(store, ServerOptions.forTests(store, TestServer.TOKEN, TestServer.CLOCK));
    }

    /** The answers of every KPI read, production and staging, over the demo's 180 days and the last 30. */
    private static Map<String, String> answers(TestServer server) {
        List<String> paths = new ArrayList<>();
        for (String environment : List.of("production", "staging")) {
            for (String window : List.of("P180D", "P30D")) {
                String query = "?environment=" + environment + "&window=" + window;
                WINDOWED.forEach(answer -> paths.add(answer + query));
                PAGED.forEach(answer -> paths.add(answer + query + "&limit=500"));
            }
            paths.add("scorecards/acme?environment=" + environment + "&period=2026-Q1");
            paths.add("scorecards/acme?environment=" + environment + "&period=2025-Q4");
        }
        paths.addAll(WHOLE);
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<String> response = server.get("/api/v1/" + path);
            answers.put(path, response.statusCode() + " " + response.body());
        }
        return answers;
    }

    private int backup(String... args) {
        return new BackupCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HttpClient.newHttpClient()).run(List.of(args));
    }

    private int restore(String... args) {
        return new RestoreCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void backupsOfARunningAndAStoppedStoreRestoreEveryKpi() throws IOException {
        Path original = dir.resolve("original");
        Path token = Files.writeString(dir.resolve("token"), TestServer.TOKEN);
        Path online = dir.resolve("online.zip");
        Path offline = dir.resolve("offline.zip");
        Map<String, String> before;
        try (TestServer server = serverOn(original)) {
            DemoSeeder.seedIfEmpty(server.server.store(), TestServer.CLOCK, new PrintStream(OutputStream.nullOutputStream()));
            before = answers(server);

            assertThat(backup("--server", server.server.baseUrl(), "--token-file", token.toString(), "--to",
                    online.toString())).isEqualTo(BackupCommand.WRITTEN);
            HttpResponse<String> anonymous = server.get("/api/v1/backup");
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }
        assertThat(before.values()).allMatch(answer -> answer.startsWith("200 "));
        assertThat(before.get("kpis?environment=production&window=P180D"))
                .contains("\"deployments\":").doesNotContain("\"deployments\":0,");
        assertThat(backup("--data", original.toString(), "--to", offline.toString()))
                .isEqualTo(BackupCommand.WRITTEN);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("backup written to " + offline)
                .contains("schema version ");

        for (Path backup : List.of(online, offline)) {
            Path restored = dir.resolve("restored-" + backup.getFileName());
            assertThat(restore("--from", backup.toString(), "--data", restored.toString()))
                    .as(stderr()).isEqualTo(RestoreCommand.RESTORED);
            try (TestServer server = serverOn(restored)) {
                assertThat(answers(server)).as(backup.toString()).isEqualTo(before);
            }
        }
    }

    @Test
    void refusesAFolderThatIsNotEmptyABackupOfANewerSchemaAndNoStore() throws IOException {
        Path original = dir.resolve("original");
        try (TestServer server = serverOn(original)) {
            assertThat(server.post("""
                    {"type":"incident","id":"INC-1","application":"shop","environment":"production",
                     "started":"2026-01-10T09:00:00Z"}""").statusCode()).isEqualTo(200);
        }
        Path backup = dir.resolve("backup.zip");
        assertThat(backup("--data", original.toString(), "--to", backup.toString())).isEqualTo(BackupCommand.WRITTEN);

        Path occupied = Files.createDirectories(dir.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "keep me");
        assertThat(restore("--from", backup.toString(), "--data", occupied.toString()))
                .isEqualTo(RestoreCommand.REFUSED);
        assertThat(stderr()).contains(occupied + " is not empty");
        try (var files = Files.list(occupied)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("notes.txt");
        }

        int current = StoreBackup.thisBuild().schemaVersion();
        Path newer = withManifestLine(backup, "schemaVersion=" + current, "schemaVersion=" + (current + 1));
        Path empty = dir.resolve("empty");
        assertThat(restore("--from", newer.toString(), "--data", empty.toString())).isEqualTo(RestoreCommand.REFUSED);
        assertThat(stderr()).contains("the backup holds schema version " + (current + 1) + ", newer than this "
                + "build's " + current);
        assertThat(empty).doesNotExist();

        String thisH2 = "h2Version=" + org.h2.engine.Constants.VERSION_MAJOR + "." + org.h2.engine.Constants.VERSION_MINOR
                + ".";
        Path otherH2 = withManifestLine(backup, thisH2, "h2Version=2.1.");
        assertThat(restore("--from", otherH2.toString(), "--data", empty.toString()))
                .isEqualTo(RestoreCommand.REFUSED);
        assertThat(stderr()).contains("the backup was written by H2 2.1.");

        assertThat(restore("--from", dir.resolve("token-less.zip").toString(), "--data", empty.toString()))
                .isEqualTo(RestoreCommand.REFUSED);
        assertThat(backup("--data", dir.resolve("nothing").toString(), "--to", dir.resolve("x.zip").toString()))
                .isEqualTo(BackupCommand.REFUSED);
        assertThat(stderr()).contains("there is no store in " + dir.resolve("nothing"));
        assertThat(dir.resolve("nothing")).doesNotExist();
    }

    @Test
    void onlyTheServersOwnWriteTokenTakesABackupAndPostgresIsSentToPgDump() throws IOException {
        Path writers = Files.writeString(dir.resolve("writers"), "ci-acme acme-writer-token-123\n");
        StoreConfig store = StoreConfig.embedded(dir.resolve("data"));
        try (TestServer server = TestServer.start(store, ServerOptions.forTests(store, TestServer.TOKEN,
                TestServer.CLOCK).withWriters(writers))) {
            HttpResponse<String> named = server.send(java.net.http.HttpRequest.newBuilder(
                    server.uri("/api/v1/backup")).header("Authorization", "Bearer acme-writer-token-123").build());
            assertThat(named.statusCode()).isEqualTo(403);
            assertThat(TestServer.json(named).get("error").getAsString())
                    .isEqualTo("only the server's own write token may do this, not a named writer's (writer 'ci-acme')");
            HttpResponse<String> own = server.send(java.net.http.HttpRequest.newBuilder(
                    server.uri("/api/v1/backup")).header("Authorization", "Bearer " + TestServer.TOKEN).build());
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(own.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"devops-kpi-backup.zip\"");
        }
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres =
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()) {
            StoreConfig shared = StoreConfig.jdbc("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "postgres", "postgres");
            try (TestServer server = TestServer.start(shared, ServerOptions.forTests(shared, TestServer.TOKEN,
                    TestServer.CLOCK))) {
                HttpResponse<String> answer = server.send(java.net.http.HttpRequest.newBuilder(
                        server.uri("/api/v1/backup")).header("Authorization", "Bearer " + TestServer.TOKEN).build());
                assertThat(answer.statusCode()).isEqualTo(409);
                assertThat(TestServer.json(answer).get("error").getAsString()).contains("back it up with pg_dump");
            }
        }
    }

    /** A server in another process holds its store's file: a backup goes through that server, not the folder. */
    @Test
    void aStoreARunningServerProcessHoldsIsBackedUpThroughTheServer() throws Exception {
        Path data = dir.resolve("running");
        Path token = Files.writeString(dir.resolve("token"), TestServer.TOKEN);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0", "--data",
                data.toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put(Main.TOKEN_VARIABLE, TestServer.TOKEN);
        Process process = builder.start();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8))) {
            String url = null;
            for (String line = lines.readLine(); line != null && url == null; line = lines.readLine()) {
                if (line.startsWith("devops-kpi server listening on ")) {
                    url = line.substring("devops-kpi server listening on ".length()).replaceFirst("/api/v1/$", "");
                }
            }
            assertThat(url).isNotNull();

            assertThat(backup("--data", data.toString(), "--to", dir.resolve("locked.zip").toString()))
                    .isEqualTo(BackupCommand.REFUSED);
            assertThat(stderr()).contains("the store in " + data + " is in use by a running server: back it up "
                    + "through the server (backup --server URL --token-file F)");
            assertThat(dir.resolve("locked.zip")).doesNotExist();

            Path online = dir.resolve("online.zip");
            assertThat(backup("--server", url, "--token-file", token.toString(), "--to", online.toString()))
                    .as(stderr()).isEqualTo(BackupCommand.WRITTEN);
            assertThat(StoreBackup.manifest(online).schemaVersion()).isEqualTo(StoreBackup.thisBuild().schemaVersion());
        } finally {
            process.destroy();
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    /** A copy of the backup whose manifest has {@code from} replaced by {@code to}. */
    private Path withManifestLine(Path backup, String from, String to) throws IOException {
        Path copy = dir.resolve("edited-" + System.nanoTime() + ".zip");
        List<String> replaced = new ArrayList<>();
        try (ZipFile zip = new ZipFile(backup.toFile());
                ZipOutputStream edited = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                edited.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equals(StoreBackup.MANIFEST)) {
                        String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                        replaced.add(text);
                        edited.write(text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        in.transferTo(edited);
                    }
                }
                edited.closeEntry();
            }
        }
        assertThat(replaced).singleElement().asString().contains(from);
        return copy;
    }
}
