package io.devopskpi.server;

import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "restore")
final class RestoreCommand {
    RestoreCommand(PrintStream out, PrintStream err) {
    }

    int run(List<String> args) {
        return 2;
    }
}
