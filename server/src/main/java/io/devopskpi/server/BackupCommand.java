package io.devopskpi.server;

import io.devopskpi.core.store.StoreBackup;
import io.devopskpi.core.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backup --to FILE}: a consistent backup of the embedded store (docs/reliability.md, "Backup and
 * restore"). With {@code --data DIR}, of a store no server has open; with {@code --server URL --token-file F}, of
 * the store of a running server, which takes it while it keeps serving ({@code GET /api/v1/backup}). Exit codes:
 * 0 written, 2 bad arguments or nothing to back up, 4 the server could not be asked or the file not written.
 */
@Command(name = "backup", description = "Writes a consistent backup of the embedded store (running or stopped).")
final class BackupCommand {
    static final int WRITTEN = 0;
    static final int REFUSED = 2;
    static final int FAILED = 4;

    static final String USAGE_TEXT = """
            usage: java -jar devops-kpi-server.jar backup --data DIR --to FILE
               or: java -jar devops-kpi-server.jar backup --server URL --token-file F --to FILE
              --data        the data folder of a store no server has open (the server's --data)
              --server      a running server, which takes the backup while it serves (with --token-file holding
                            the write token)
              --to          the backup file to write (a zip: the H2 database and devops-kpi-backup.properties)
              exit codes:   0 written, 2 bad arguments or nothing to back up, 4 the server could not be asked or
                            the file could not be written
            A PostgreSQL store is backed up with pg_dump (docs/reliability.md).
            """;

    @Mixin
    private ServerTarget target = new ServerTarget();
    @Option(names = "--data", paramLabel = "DIR")
    private Path data;
    @Option(names = "--to", paramLabel = "FILE")
    private Path to;
    @Option(names = {"-h", "--help"}, usageHelp = true)
    private boolean help;

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient client;

    BackupCommand(PrintStream out, PrintStream err, HttpClient client) {
        this.out = out;
        this.err = err;
        this.client = client;
    }

    int run(List<String> args) {
        try {
            if (Cli.parse(Cli.of(this), args)) {
                out.println(USAGE_TEXT);
                return WRITTEN;
            }
            if (to == null) {
                throw new IllegalArgumentException("--to names the backup file to write");
            }
            if ((data == null) == (!target.hasToken())) {
                throw new IllegalArgumentException("give either --data (a stopped store) or --server with "
                        + "--token-file (a running server)");
            }
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
            err.println("devops-kpi backup: " + e.getMessage());
            err.println(USAGE_TEXT);
            return REFUSED;
        }
        return data != null ? fromFolder() : fromServer();
    }

    private int fromFolder() {
        try {
            StoreBackup.Manifest manifest = StoreBackup.backup(data, to, Instant.now());
            return written(manifest);
        } catch (StoreException e) {
            err.println("devops-kpi backup: " + e.getMessage());
            return REFUSED;
        } catch (UncheckedIOException e) {
            err.println("devops-kpi backup: " + e.getMessage());
            return FAILED;
        }
    }

    private int fromServer() {
        Path partial = to.toAbsolutePath().resolveSibling(to.getFileName() + ".download");
        try {
            HttpResponse<Path> response = client.send(HttpRequest.newBuilder(URI.create(target.server()
                    + "/api/v1/backup")).timeout(Duration.ofHours(1))
                    .header("Authorization", "Bearer " + target.token()).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                String body = Files.readString(partial);
                err.println("devops-kpi backup: the server answered HTTP " + response.statusCode() + ": "
                        + body.substring(0, Math.min(300, body.length())));
                return response.statusCode() == 401 || response.statusCode() == 409 ? REFUSED : FAILED;
            }
            StoreBackup.Manifest manifest = StoreBackup.manifest(partial);
            Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING);
            return written(manifest);
        } catch (IOException | IllegalArgumentException e) {
            err.println("devops-kpi backup: cannot back up through " + target.server() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // the partial download stays beside the backup; nothing to undo
            }
        }
    }

    private int written(StoreBackup.Manifest manifest) {
        try {
            out.println("backup written to " + to + " (" + Files.size(to) + " bytes, schema version "
                    + manifest.schemaVersion() + ", H2 " + manifest.h2Version() + ", taken " + manifest.taken() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WRITTEN;
    }
}
