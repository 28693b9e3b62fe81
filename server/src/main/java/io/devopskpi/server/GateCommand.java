package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Threshold;
import io.devopskpi.core.gate.ThresholdText;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code devops-kpi-server.jar gate ...}: evaluates a gate on a running server for any CI and turns the verdict
 * into an exit code: 0 passed (or a breach with --on-breach WARNING), 1 breached (FAILURE), 3 breached (UNSTABLE),
 * 2 bad arguments or a gate the server refused, 4 the server could not be asked.
 */
final class GateCommand {
    static final int PASSED = 0;
    static final int BREACHED = 1;
    static final int USAGE = 2;
    static final int UNSTABLE = 3;
    static final int UNREACHABLE = 4;

    static final String USAGE_TEXT = """
            usage: java -jar devops-kpi-server.jar gate [--server URL] [--application A | --team T | --supplier S]
                   [--environment E] [--window 30d | --from INSTANT --to INSTANT] [--zone Z]
                   --threshold 'changeSuccessRate >= 0.9' [--threshold 'timeToRestoreMedian <= 4h' ...]
                   [--min-samples N] [--min-severity critical|major|minor] [--fail-on-insufficient-data]
                   [--on-breach FAILURE|UNSTABLE|WARNING] [--token-file F]
               or: java -jar devops-kpi-server.jar gate [--server URL] --policy NAME
                   [--window 30d | --from INSTANT --to INSTANT] [--zone Z] [--on-breach ...] [--token-file F]
              --server    the devops-kpi server (default http://127.0.0.1:8080)
              --policy    a stored gate policy or contract-SUPPLIER (GET /api/v1/policies lists them)
              metrics:    %s
              exit codes: 0 passed (or breached with --on-breach WARNING), 1 breached, 3 breached with
                          --on-breach UNSTABLE, 2 bad arguments or a refused gate, 4 the server could not be asked
            """.formatted(GateMetric.apiNames());

    private static final Pattern THRESHOLD = Pattern.compile("\\s*([A-Za-z0-9]+)\\s*(.*)");
    private static final List<String> VALUE_OPTIONS = List.of("--server", "--application", "--team", "--supplier",
            "--environment", "--window", "--from", "--to", "--zone", "--threshold", "--min-samples", "--on-breach",
            "--token-file", "--policy", "--min-severity");

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient client;

    GateCommand(PrintStream out, PrintStream err, HttpClient client) {
        this.out = out;
        this.err = err;
        this.client = client;
    }

    int run(List<String> args) {
        Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("devops-kpi gate: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (request == null) {
            out.println(USAGE_TEXT);
            return PASSED;
        }
        HttpResponse<String> response;
        try {
            HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(request.server + "/api/v1/gate"))
                    .timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.body.toString()));
            if (request.token != null) {
                http.header("Authorization", "Bearer " + request.token);
            }
            response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            err.println("devops-kpi gate: cannot ask " + request.server + ": " + e.getMessage());
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
        return verdict(response, request.onBreach);
    }

    private int verdict(HttpResponse<String> response, String onBreach) {
        JsonObject body;
        try {
            JsonElement json = JsonParser.parseString(response.body());
            body = json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
        } catch (RuntimeException e) {
            body = new JsonObject();
        }
        if (response.statusCode() == 400) {
            for (JsonElement error : body.has("errors") ? body.getAsJsonArray("errors") : new JsonArray()) {
                JsonObject e = error.getAsJsonObject();
                err.println("devops-kpi gate: " + e.get("field").getAsString() + ": " + e.get("message").getAsString());
            }
            return USAGE;
        }
        if (!body.has("status") || response.statusCode() != 200 && response.statusCode() != 412) {
            err.println("devops-kpi gate: the server answered HTTP " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
            return UNREACHABLE;
        }
        for (JsonElement element : body.getAsJsonArray("results")) {
            JsonObject result = element.getAsJsonObject();
            out.printf("%-17s %s%n", result.get("status").getAsString(), result.get("message").getAsString());
        }
        out.println(body.get("message").getAsString());
        if (response.statusCode() == 200) {
            return PASSED;
        }
        return switch (onBreach) {
            case "WARNING" -> {
                out.println("WARNING: the gate was breached; --on-breach WARNING keeps the build going");
                yield PASSED;
            }
            case "UNSTABLE" -> UNSTABLE;
            default -> BREACHED;
        };
    }

    /** The request the arguments describe, or null for --help. */
    private Request parse(List<String> args) {
        String server = "http://127.0.0.1:8080";
        JsonObject body = new JsonObject();
        JsonObject scope = new JsonObject();
        JsonArray thresholds = new JsonArray();
        String onBreach = "FAILURE";
        String token = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--help")) {
                return null;
            }
            if (option.equals("--fail-on-insufficient-data")) {
                body.addProperty("failOnInsufficientData", true);
                continue;
            }
            if (!VALUE_OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown option '" + option + "'");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--server" -> server = value.replaceAll("/+$", "");
                case "--application", "--team", "--supplier", "--environment" ->
                        scope.addProperty(option.substring(2), value);
                case "--window", "--from", "--to", "--zone" -> body.addProperty(option.substring(2), value);
                case "--threshold" -> thresholds.add(threshold(value));
                case "--min-samples" -> body.addProperty("minSamples", wholeNumber(value));
                case "--min-severity" -> body.addProperty("minSeverity", value); // the server checks the value
                case "--policy" -> body.addProperty("policy", value);
                case "--on-breach" -> {
                    onBreach = value.toUpperCase(Locale.ROOT);
                    body.addProperty("onBreach", onBreach);
                }
                default -> token = readToken(value);
            }
        }
        if (body.has("policy")) {
            // the policy holds scope and thresholds; the server names anything else given with it
            if (!thresholds.isEmpty()) {
                throw new IllegalArgumentException("give either --policy or --threshold, not both");
            }
        } else if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("at least one --threshold (or a --policy) is needed");
        } else {
            body.add("thresholds", thresholds);
        }
        if (!scope.keySet().isEmpty()) {
            body.add("scope", scope);
        }
        return new Request(server, body, onBreach, token);
    }

    private static JsonObject threshold(String text) {
        Matcher m = THRESHOLD.matcher(text);
        GateMetric metric = m.matches() ? GateMetric.byApiName(m.group(1)) : null;
        if (metric == null) {
            throw new IllegalArgumentException("--threshold must start with a metric (" + GateMetric.apiNames()
                    + "): '" + text + "'");
        }
        Threshold threshold = ThresholdText.parse(metric, m.group(2));
        JsonObject json = new JsonObject();
        json.addProperty("metric", metric.apiName());
        json.addProperty("operator", threshold.operator().symbol());
        json.addProperty("value", threshold.value());
        return json;
    }

    private static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--min-samples must be a whole number: '" + text + "'");
        }
    }

    private static String readToken(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --token-file " + file + ": " + e.getMessage());
        }
    }

    private record Request(String server, JsonObject body, String onBreach, String token) {
    }

    static List<String> rest(String[] args) {
        return new ArrayList<>(List.of(args).subList(1, args.length));
    }
}
