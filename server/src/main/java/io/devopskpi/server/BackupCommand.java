package io.devopskpi.server;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "BackupCommand")
final class BackupCommand {
    BackupCommand(PrintStream out, PrintStream err, HttpClient client) {
    }

    int run(List<String> args) {
        return 2;
    }
}
