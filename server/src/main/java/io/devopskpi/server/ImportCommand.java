package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code devops-kpi-server.jar import ...}: posts a file of events to a running server in batches, printing a
 * progress line per batch. A CSV file holds assignments (columns application, supplier, team, responsibility,
 * from, to, in any order); a JSON file holds an array of events of any type. Exit codes as the gate command's:
 * 0 imported, 2 a bad file or events the server refused (each named by its line or index), 4 the server could
 * not be asked. Batches before a refused one stay stored; events are idempotent, so the file can be sent again
 * once fixed.
 */
final class ImportCommand {
    static final int IMPORTED = 0;
    static final int REFUSED = 2;
    static final int UNREACHABLE = 4;
    static final int BATCH = 500;

    static final String USAGE_TEXT = """
            usage: java -jar devops-kpi-server.jar import [--server URL] --token-file F FILE.csv|FILE.json
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

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient client;

    ImportCommand(PrintStream out, PrintStream err, HttpClient client) {
        this.out = out;
        this.err = err;
        this.client = client;
    }

    /** One event of the file and how messages name where it came from ("line 3", "event 7"). */
    private record Item(JsonElement event, String origin) {
    }

    int run(List<String> args) {
        String server = "http://127.0.0.1:8080";
        String token = null;
        Path file = null;
        List<Item> items;
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--help" -> {
                        out.println(USAGE_TEXT);
                        return IMPORTED;
                    }
                    case "--server" -> server = value(args, ++i, arg).replaceAll("/+$", "");
                    case "--token-file" -> token = readToken(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                        }
                        file = Path.of(arg);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("name the file to import (.csv or .json)");
            }
            if (token == null) {
                throw new IllegalArgumentException("--token-file is required: imports write events");
            }
            items = read(file);
        } catch (IllegalArgumentException e) {
            err.println("devops-kpi import: " + e.getMessage());
            err.println(USAGE_TEXT);
            return REFUSED;
        }
        return post(server, token, items);
    }

    private int post(String server, String token, List<Item> items) {
        int accepted = 0;
        int duplicates = 0;
        int updated = 0;
        for (int start = 0; start < items.size(); start += BATCH) {
            List<Item> batch = items.subList(start, Math.min(items.size(), start + BATCH));
            JsonArray body = new JsonArray();
            batch.forEach(item -> body.add(item.event()));
            HttpResponse<String> response;
            try {
                response = client.send(HttpRequest.newBuilder(URI.create(server + "/api/v1/events"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | IllegalArgumentException e) {
                // a refused connection has no message, only its type
                err.println("devops-kpi import: cannot reach " + server + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                return UNREACHABLE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return UNREACHABLE;
            }
            JsonObject answer = object(response.body());
            if (response.statusCode() != 200) {
                return refused(response, answer, batch, start, items.size());
            }
            accepted += answer.get("accepted").getAsInt();
            duplicates += answer.get("duplicates").getAsInt();
            updated += answer.get("updated").getAsInt();
            out.printf("imported %d of %d events (accepted %d, duplicates %d, updated %d)%n", start + batch.size(),
                    items.size(), accepted, duplicates, updated);
        }
        out.println("done: " + items.size() + " events imported");
        return IMPORTED;
    }

    private int refused(HttpResponse<String> response, JsonObject answer, List<Item> batch, int start, int total) {
        String stored = start == 0 ? "nothing was stored"
                : "the first " + start + " of " + total + " events were stored; send the file again once fixed";
        if (response.statusCode() == 400 && answer.has("errors")) {
            for (JsonElement element : answer.getAsJsonArray("errors")) {
                JsonObject error = element.getAsJsonObject();
                String origin = error.has("index") && !error.get("index").isJsonNull()
                        ? batch.get(error.get("index").getAsInt()).origin() + ": " : "";
                String field = error.get("field").isJsonNull() ? "" : error.get("field").getAsString() + ": ";
                err.println("devops-kpi import: " + origin + field + error.get("message").getAsString());
            }
        } else if (response.statusCode() == 409 && answer.has("error")) {
            String origin = answer.has("index") ? batch.get(answer.get("index").getAsInt()).origin() + ": " : "";
            err.println("devops-kpi import: " + origin + "conflict: " + answer.get("error").getAsString());
        } else if (response.statusCode() == 401) {
            err.println("devops-kpi import: the server refused the token (HTTP 401)");
        } else {
            err.println("devops-kpi import: the server answered HTTP " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
            err.println("devops-kpi import: " + stored);
            return response.statusCode() >= 500 ? UNREACHABLE : REFUSED;
        }
        err.println("devops-kpi import: " + stored);
        return REFUSED;
    }

    /** The answer's JSON object; empty when the body is not one (a proxy's error page). */
    private static JsonObject object(String body) {
        try {
            JsonElement json = JsonParser.parseString(body);
            return json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return new JsonObject();
        }
    }

    private static List<Item> read(Path file) {
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

    private static List<Item> json(String text, Path file) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage());
        }
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException(file + " must hold a JSON array of events");
        }
        List<Item> items = new ArrayList<>();
        JsonArray array = root.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            items.add(new Item(array.get(i), "event " + i));
        }
        return items;
    }

    private static List<Item> csv(String text, Path file) {
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
        List<Item> items = new ArrayList<>();
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
            items.add(new Item(event, "line " + (r + 1)));
        }
        return items;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static String readToken(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --token-file " + file + ": " + e.getMessage());
        }
    }
}
