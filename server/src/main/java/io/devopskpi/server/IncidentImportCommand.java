package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import incidents FILE.csv}: incident tickets exported from an ITSM tool (ServiceNow, Jira Service
 * Management, or any CSV with {@code --map}) sent to a running server as incident events (docs/import.md). The
 * whole file is read first: a file with any problem sends nothing and names each problem's line, column and
 * value. A file sent in one request (up to {@value #ONE_REQUEST_BYTES} bytes of events, about 50,000 incidents) is
 * stored all or nothing. {@code --dry-run} reads the server's incidents and prints, per incident, whether it
 * would be new, updated, unchanged or refused, and sends nothing. Exit codes as {@code import}'s.
 */
@Command(name = "incidents", description = "Imports incident tickets from a CSV export (ServiceNow, Jira Service "
        + "Management or custom columns).")
final class IncidentImportCommand {
    /** Under the server's 16 MiB body limit, with room for the array's commas. */
    static final int ONE_REQUEST_BYTES = 15 * 1024 * 1024;

    static final String USAGE_TEXT = """
            usage: java -jar devops-kpi-server.jar import incidents FILE.csv [--format servicenow|jira|custom]
                   [--map COLUMN=FIELD ...] [--time-format PATTERN] [--zone Z] [--environment E] [--dry-run]
                   [--server URL] --token-file F
              --format       the columns' defaults (default servicenow): servicenow number, cmdb_ci, opened_at,
                             u_detected or sys_created_on, resolved_at, priority, times yyyy-MM-dd HH:mm:ss;
                             jira Issue key, Custom field (Affected services) or Component/s, Created, Resolved,
                             Priority, times dd/MMM/yy h:mm a; custom: none, every column from --map, ISO times
              --map          read FIELD (id, application, environment, started, detected, resolved, severity,
                             cause) from COLUMN instead; repeat for several fields
              --time-format  a java.time pattern for the time columns (ISO-8601 instants are always read)
              --zone         the time zone of times without an offset (default UTC)
              --environment  the environment of incidents without an environment column (default production)
              --dry-run      print what would change (new, updated, unchanged, refused) and send nothing
              exit codes:    0 imported (or a dry run without refusals), 2 bad arguments, a bad file, refused
                             incidents, 4 the server could not be asked
            """;

    @Mixin
    private ServerTarget target = new ServerTarget();
    @Parameters(arity = "0..1", paramLabel = "FILE.csv")
    private Path file;
    @Option(names = "--format", paramLabel = "servicenow|jira|custom")
    private String format = "servicenow";
    @Option(names = "--map", paramLabel = "COLUMN=FIELD")
    private List<String> mappings = new ArrayList<>();
    @Option(names = "--time-format", paramLabel = "PATTERN")
    private String timeFormat;
    @Option(names = "--zone", paramLabel = "Z")
    private String zone = "UTC";
    @Option(names = "--environment", paramLabel = "E")
    private String environment = "production";
    @Option(names = "--dry-run")
    private boolean dryRun;
    @Option(names = {"-h", "--help"}, usageHelp = true)
    private boolean help;

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient client;

    IncidentImportCommand(PrintStream out, PrintStream err, HttpClient client) {
        this.out = out;
        this.err = err;
        this.client = client;
    }

    int run(List<String> args) {
        IncidentCsv.Result result;
        String token;
        try {
            if (Cli.parse(Cli.of(this), args)) {
                out.println(USAGE_TEXT);
                return EventSender.IMPORTED;
            }
            if (file == null) {
                throw new IllegalArgumentException("name the CSV file to import");
            }
            if (!target.hasToken()) {
                throw new IllegalArgumentException("--token-file is required: imports write incidents");
            }
            token = target.token();
            IncidentColumns columns = IncidentColumns.forFormat(format).mapped(mappings);
            if (timeFormat != null) {
                columns = columns.withTimeFormat(timeFormat);
            }
            result = new IncidentCsv(columns, zone(), environment).read(text());
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
            err.println("devops-kpi import incidents: " + e.getMessage());
            err.println(USAGE_TEXT);
            return EventSender.REFUSED;
        }
        if (!result.ok()) {
            result.problems().stream().limit(IncidentCsv.SHOWN_PROBLEMS)
                    .forEach(problem -> err.println("devops-kpi import incidents: " + file + " " + problem));
            if (result.problems().size() > IncidentCsv.SHOWN_PROBLEMS) {
                err.println("devops-kpi import incidents: and " + (result.problems().size()
                        - IncidentCsv.SHOWN_PROBLEMS) + " more problems");
            }
            err.println("devops-kpi import incidents: nothing was sent");
            return EventSender.REFUSED;
        }
        if (dryRun) {
            return dryRun(result.rows(), token);
        }
        List<EventSender.Item> items = new ArrayList<>();
        long bytes = 0;
        for (IncidentCsv.Row row : result.rows()) {
            items.add(new EventSender.Item(row.incident(), "line " + row.line()));
            bytes += row.incident().toString().getBytes(StandardCharsets.UTF_8).length + 1;
        }
        int perRequest = bytes <= ONE_REQUEST_BYTES ? items.size() : EventSender.BATCH;
        return new EventSender(out, err, client, "devops-kpi import incidents: ", target.server(), token)
                .send(items, perRequest);
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone is not a time zone: '" + zone + "'");
        }
    }

    private String text() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Per incident what sending it would do, from the server's incidents over the file's time span. */
    private int dryRun(List<IncidentCsv.Row> rows, String token) {
        Map<String, JsonObject> stored;
        try {
            stored = storedIncidents(rows, token);
        } catch (IOException | IllegalStateException e) {
            err.println("devops-kpi import incidents: cannot read the server's incidents: " + e.getMessage());
            return EventSender.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EventSender.UNREACHABLE;
        }
        int fresh = 0;
        int updated = 0;
        int unchanged = 0;
        int refused = 0;
        for (IncidentCsv.Row row : rows) {
            JsonObject incident = row.incident();
            String id = incident.get("id").getAsString();
            JsonObject before = stored.get(id);
            String verdict;
            if (before == null) {
                verdict = "new";
                fresh++;
            } else {
                String conflict = differences(before, incident, List.of("application", "environment", "started"));
                String changes = differences(before, incident, List.of("detected", "resolved", "severity", "cause"));
                if (!conflict.isEmpty()) {
                    verdict = "refused: it was stored with another " + conflict;
                    refused++;
                } else if (!changes.isEmpty()) {
                    verdict = "updated: " + changes;
                    updated++;
                } else {
                    verdict = "unchanged";
                    unchanged++;
                }
            }
            out.println("line " + row.line() + "  " + id + "  " + verdict);
        }
        out.printf("dry run: %d incidents, %d new, %d updated, %d unchanged, %d refused; nothing was sent%n",
                rows.size(), fresh, updated, unchanged, refused);
        return refused == 0 ? EventSender.IMPORTED : EventSender.REFUSED;
    }

    /** "resolved (stored none, file 2026-03-02T12:00:00Z)" for each field that differs; empty when none does. */
    private static String differences(JsonObject stored, JsonObject file, List<String> fields) {
        List<String> differing = new ArrayList<>();
        for (String field : fields) {
            if (!file.has(field)) {
                continue; // a field the file leaves out keeps its stored value
            }
            String was = text(stored, field);
            String now = file.get(field).getAsString();
            boolean same = IncidentColumns.TIMES.contains(field) && was != null
                    ? Instant.parse(was).equals(Instant.parse(now)) : Objects.equals(was, now);
            if (!same) {
                differing.add(field + " (stored " + (was == null ? "none" : was) + ", file " + now + ")");
            }
        }
        return String.join(", ", differing);
    }

    private static String text(JsonObject json, String field) {
        JsonElement value = json.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    /** The server's incidents by id, per environment of the file, over the span of the file's starts. */
    private Map<String, JsonObject> storedIncidents(List<IncidentCsv.Row> rows, String token)
            throws IOException, InterruptedException {
        Map<String, JsonObject> stored = new HashMap<>();
        TreeSet<Instant> starts = new TreeSet<>();
        TreeSet<String> environments = new TreeSet<>();
        for (IncidentCsv.Row row : rows) {
            starts.add(Instant.parse(row.incident().get("started").getAsString()));
            environments.add(row.incident().get("environment").getAsString());
        }
        if (starts.isEmpty()) {
            return stored;
        }
        String window = "&from=" + starts.first() + "&to=" + starts.last().plusSeconds(1);
        for (String env : environments) {
            for (int offset = 0; ; offset += 500) {
                String url = target.server() + "/api/v1/incidents?environment="
                        + URLEncoder.encode(env, StandardCharsets.UTF_8) + window + "&limit=500&offset=" + offset;
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET /api/v1/incidents answered HTTP " + response.statusCode()
                            + ": " + response.body().substring(0, Math.min(300, response.body().length())));
                }
                JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
                JsonArray page = answer.getAsJsonArray("incidents");
                page.forEach(item -> stored.put(item.getAsJsonObject().get("id").getAsString(),
                        item.getAsJsonObject()));
                if (page.isEmpty() || offset + page.size() >= answer.get("total").getAsInt()) {
                    break;
                }
            }
        }
        return stored;
    }
}
