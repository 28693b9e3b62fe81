package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code devops-kpi-server.jar import ...}: posts a file of events to a running server in batches, printing a
 * progress line per batch. A CSV file holds assignments (columns application, supplier, team, responsibility,
 * from, to, in any order); a JSON file holds an array of events of any type. Exit codes as the gate command's:
 * 0 imported, 2 a bad file or events the server refused (each named by its line or index), 4 the server could
 * not be asked. Batches before a refused one stay stored; events are idempotent, so the file can be sent again
 * once fixed.
 */
@Command(name = "import", description = "Imports events, assignments, incident tickets (incidents) or Jenkins "
        + "build history (jenkins) into a running server.")
final class ImportCommand {
    static final int IMPORTED = 0;
    static final int REFUSED = 2;
    static final int UNREACHABLE = 4;

    static final String USAGE_TEXT = """
            usage: java -jar devops-kpi-server.jar import [--server URL] --token-file F FILE.csv|FILE.json
               or: java -jar devops-kpi-server.jar import incidents --help
               or: java -jar devops-kpi-server.jar import jenkins --help
              --server      the devops-kpi server (default http://127.0.0.1:8080)
              --token-file  a file holding the write token
              FILE.csv      assignments: a header line naming application,supplier,team,responsibility,from,to
                            (team and to may be empty), then one assignment per line
              FILE.json     an array of events as POST /api/v1/events takes them
              exit codes:   0 imported, 2 bad arguments, a bad file or refused events, 4 the server could not
                            be asked
            """;

    private static final List<String> COLUMNS = List.of("application", "supplier", "team", "responsibility",
            "from", "to");

    @Mixin
    private ServerTarget target = new ServerTarget();
    @Parameters(arity = "0..1", paramLabel = "FILE.csv|FILE.json")
    private Path file;
    @Option(names = {"-h", "--help"}, usageHelp = true)
    private boolean help;

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient client;

    ImportCommand(PrintStream out, PrintStream err, HttpClient client) {
        this.out = out;
        this.err = err;
        this.client = client;
    }

    int run(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("incidents")) {
            return new IncidentImportCommand(out, err, client).run(args.subList(1, args.size()));
        }
        if (!args.isEmpty() && args.get(0).equals("jenkins")) {
            return new JenkinsImportCommand(out, err, client).run(args.subList(1, args.size()));
        }
        String token;
        List<EventSender.Item> items;
        try {
            if (Cli.parse(Cli.of(this), args)) {
                out.println(USAGE_TEXT);
                return IMPORTED;
            }
            if (file == null) {
                throw new IllegalArgumentException("name the file to import (.csv or .json)");
            }
            if (!target.hasToken()) {
                throw new IllegalArgumentException("--token-file is required: imports write events");
            }
            token = target.token();
            items = read(file);
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
            err.println("devops-kpi import: " + e.getMessage());
            err.println(USAGE_TEXT);
            return REFUSED;
        }
        return new EventSender(out, err, client, "devops-kpi import: ", target.server(), token).send(items);
    }

    private static List<EventSender.Item> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (name.endsWith(".json")) {
            return json(text, file);
        }
        if (name.endsWith(".csv")) {
            return csv(text, file);
        }
        throw new IllegalArgumentException("the file must end in .csv (assignments) or .json (events): " + file);
    }

    private static List<EventSender.Item> json(String text, Path file) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage());
        }
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException(file + " must hold a JSON array of events");
        }
        List<EventSender.Item> items = new ArrayList<>();
        JsonArray array = root.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            items.add(new EventSender.Item(array.get(i), "event " + i));
        }
        return items;
    }

    private static List<EventSender.Item> csv(String text, Path file) {
        List<List<String>> rows = CsvRows.parse(text);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: expected a header line " + String.join(",", COLUMNS));
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException(file + " line 1: the header must name the columns "
                        + String.join(",", COLUMNS) + "; '" + column + "' is missing");
            }
        }
        List<EventSender.Item> items = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(file + " line " + (r + 1) + ": expected " + header.size()
                        + " cells, got " + row.size());
            }
            JsonObject event = new JsonObject();
            event.addProperty("type", "assignment");
            for (String column : COLUMNS) {
                String cell = row.get(header.indexOf(column)).strip();
                // an empty team or to means none; an empty required cell is left for the server to name
                if (!cell.isEmpty() || !column.equals("team") && !column.equals("to")) {
                    event.addProperty(column, cell);
                }
            }
            items.add(new EventSender.Item(event, "line " + (r + 1)));
        }
        return items;
    }
}
