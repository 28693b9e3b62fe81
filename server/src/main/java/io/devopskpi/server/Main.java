package io.devopskpi.server;

import io.devopskpi.core.store.StoreException;
import io.devopskpi.server.demo.DemoSeeder;
import java.time.Clock;

/** Starts the server from the command line (api.md, "Command line") and keeps it running until SIGTERM. */
public final class Main {
    static final String TOKEN_VARIABLE = "DEVOPS_KPI_API_TOKEN";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("gate")) {
            System.exit(new GateCommand(System.out, System.err, java.net.http.HttpClient.newHttpClient())
                    .run(GateCommand.rest(args)));
        }
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(new ImportCommand(System.out, System.err, java.net.http.HttpClient.newHttpClient())
                    .run(GateCommand.rest(args)));
        }
        ServerOptions options;
        HookOptions hooks;
        ServerLimits limits;
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
            if (commandLine.help()) {
                System.out.println(CommandLine.USAGE);
                return;
            }
            options = commandLine.options(System.getenv(TOKEN_VARIABLE), Clock.systemUTC());
            hooks = commandLine.hooks();
            limits = commandLine.serverLimits();
        } catch (CommandLine.UsageException e) {
            fail(2, e.getMessage() + " (see --help)");
            return;
        }
        KpiServer server;
        try {
            server = KpiServer.start(options, hooks, limits);
        } catch (StoreException e) {
            fail(1, e.getMessage());
            return;
        } catch (RuntimeException e) {
            fail(1, "cannot start: " + e.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.flush();
            // The JVM reports a SIGTERM as exit status 143; api.md promises 0 for a clean shutdown, which this is.
            Runtime.getRuntime().halt(0);
        }, "devops-kpi-shutdown"));
        if (commandLine.demo()) {
            DemoSeeder.seedIfEmpty(server.store(), options.clock(), System.out);
        }
        System.out.println("devops-kpi server listening on " + server.baseUrl() + "/api/v1/");
        System.out.println("dashboard: " + server.baseUrl() + "/");
    }

    private static void fail(int status, String reason) {
        System.err.println("devops-kpi-server: " + reason.replace('\n', ' '));
        System.exit(status);
    }
}
