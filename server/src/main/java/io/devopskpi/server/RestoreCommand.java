package io.devopskpi.server;

import io.devopskpi.core.store.StoreBackup;
import io.devopskpi.core.store.StoreException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code restore --from FILE --data DIR}: a backup ({@link BackupCommand}) into an empty or new data folder, after
 * checking that this build can open it (schema version not newer, same H2 file format); an older schema is brought
 * up to date. Exit codes: 0 restored, 2 refused (bad arguments, a non-empty folder, a newer backup), 4 the files
 * could not be written.
 */
@Command(name = "restore", description = "Restores a backup into an empty data folder.")
final class RestoreCommand {
    static final int RESTORED = 0;
    static final int REFUSED = 2;
    static final int FAILED = 4;

    static final String USAGE_TEXT = """
            usage: java -jar devops-kpi-server.jar restore --from FILE --data DIR
              --from        a backup written by the backup command
              --data        an empty or new folder; start the server with --data DIR afterwards
              exit codes:   0 restored, 2 refused (bad arguments, a folder that is not empty, a backup of a newer
                            version), 4 the files could not be written
            """;

    @Option(names = "--from", paramLabel = "FILE")
    private Path from;
    @Option(names = "--data", paramLabel = "DIR")
    private Path data;
    @Option(names = {"-h", "--help"}, usageHelp = true)
    private boolean help;

    private final PrintStream out;
    private final PrintStream err;

    RestoreCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        try {
            if (Cli.parse(Cli.of(this), args)) {
                out.println(USAGE_TEXT);
                return RESTORED;
            }
            if (from == null || data == null) {
                throw new IllegalArgumentException("--from and --data are both required");
            }
            StoreBackup.Manifest manifest = StoreBackup.restore(from, data);
            out.println("restored " + from + " (schema version " + manifest.schemaVersion() + ", taken "
                    + manifest.taken() + ") into " + data + "; start the server with --data " + data);
            return RESTORED;
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
            err.println("devops-kpi restore: " + e.getMessage());
            return REFUSED;
        } catch (UncheckedIOException | StoreException e) {
            err.println("devops-kpi restore: " + e.getMessage());
            return FAILED;
        }
    }
}
