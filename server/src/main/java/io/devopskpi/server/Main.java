package io.devopskpi.server;

import io.devopskpi.core.store.StoreException;
import io.devopskpi.server.demo.DemoSeeder;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * The command line (api.md, "Command line"): {@code serve} (the default: arguments that name no command are
 * serve's, so {@code java -jar devops-kpi-server.jar --demo} starts the server), {@code gate}, {@code import},
 * {@code backup} and {@code restore}, each with its own {@code --help}; {@code --version}. The server keeps
 * running until SIGTERM; every other command exits with its documented code.
 */
public final class Main {
    static final String TOKEN_VARIABLE = "DEVOPS_KPI_API_TOKEN";

    /** The whole command line, for {@code --help} and {@code --version}; each command reads its own arguments. */
    @Command(name = "java -jar devops-kpi-server.jar", mixinStandardHelpOptions = true,
            versionProvider = BuildVersion.class, description = "DevOps KPIs (DORA and more) for outsourced IT.",
            footer = {"", "Without a command the arguments are serve's: java -jar devops-kpi-server.jar --demo.",
                    "COMMAND --help describes a command; docs/api.md and docs/import.md describe them in full."})
    static final class Commands {
    }

    private Main() {
    }

    public static void main(String[] args) {
        List<String> all = List.of(args);
        String first = all.isEmpty() ? "" : all.get(0);
        List<String> rest = all.isEmpty() ? all : all.subList(1, all.size());
        PrintStream out = System.out;
        PrintStream err = System.err;
        switch (first) {
            case "gate" -> System.exit(new GateCommand(out, err, HttpClient.newHttpClient()).run(rest));
            case "import" -> System.exit(new ImportCommand(out, err, HttpClient.newHttpClient()).run(rest));
            case "backup" -> System.exit(new BackupCommand(out, err, HttpClient.newHttpClient()).run(rest));
            case "restore" -> System.exit(new RestoreCommand(out, err).run(rest));
            case "serve" -> serve(rest);
            case "-h", "--help", "help" -> out.println(usage());
            case "-V", "--version" -> out.println(String.join(System.lineSeparator(),
                    new BuildVersion().getVersion()));
            default -> serve(all);
        }
    }

    /** The overview: the commands with a line each, and serve's options (the default command). */
    static String usage() {
        picocli.CommandLine commands = Cli.of(new Commands());
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        HttpClient none = null;
        commands.addSubcommand("serve", Cli.of(new CommandLine()));
        commands.addSubcommand("gate", Cli.of(new GateCommand(quiet, quiet, none)));
        commands.addSubcommand("import", Cli.of(new ImportCommand(quiet, quiet, none)));
        commands.addSubcommand("backup", Cli.of(new BackupCommand(quiet, quiet, none)));
        commands.addSubcommand("restore", Cli.of(new RestoreCommand(quiet, quiet)));
        return commands.getUsageMessage() + System.lineSeparator() + "serve's options:" + System.lineSeparator()
                + CommandLine.usage();
    }

    private static void serve(List<String> args) {
        ServerOptions options;
        HookOptions hooks;
        ServerLimits limits;
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(System.getenv(), args.toArray(String[]::new));
            if (commandLine.help()) {
                System.out.println(CommandLine.usage());
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
