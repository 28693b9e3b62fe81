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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code devops-kpi-server.jar gate ...}: evaluates a gate on a running server for any CI and turns the verdict
 * into an exit code: 0 passed (or a breach with --on-breach WARNING), 1 breached (FAILURE), 3 breached (UNSTABLE),
 * 2 bad arguments or a gate the server refused, 4 the server could not be asked.
 */
@Command(name = "gate", description = "Evaluates a gate on a running server and exits with its verdict.")
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
    @Mixin
    private ServerTarget target = new ServerTarget();
    @Option(names = "--application", paramLabel = "A")
    private String application;
    @Option(names = "--team", paramLabel = "T")
    private String team;
    @Option(names = "--supplier", paramLabel = "S")
    private String supplier;
    @Option(names = "--environment", paramLabel = "E")
    private String environment;
    @Option(names = "--window", paramLabel = "D")
    private String window;
    @Option(names = "--from", paramLabel = "INSTANT")
    private String from;
    @Option(names = "--to", paramLabel = "INSTANT")
    private String to;
    @Option(names = "--zone", paramLabel = "Z")
    private String zone;
    @Option(names = "--threshold", paramLabel = "'METRIC OP VALUE'")
    private List<String> thresholds = new ArrayList<>();
    @Option(names = "--min-samples", paramLabel = "N")
    private String minSamples;
    @Option(names = "--fail-on-insufficient-data")
    private boolean failOnInsufficientData;
    @Option(names = "--on-breach", paramLabel = "FAILURE|UNSTABLE|WARNING")
    private String onBreach;
    @Option(names = "--policy", paramLabel = "NAME")
    private String policy;
    @Option(names = "--min-severity", paramLabel = "critical|major|minor")
    private String minSeverity;
    @Option(names = {"-h", "--help"}, usageHelp = true)
    private boolean help;

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
            request = Cli.parse(Cli.of(this), args) ? null : request();
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
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

    /** The request the parsed options describe. */
    private Request request() {
        JsonObject body = new JsonObject();
        JsonObject scope = new JsonObject();
        addIfGiven(scope, "application", application);
        addIfGiven(scope, "team", team);
        addIfGiven(scope, "supplier", supplier);
        addIfGiven(scope, "environment", environment);
        addIfGiven(body, "window", window);
        addIfGiven(body, "from", from);
        addIfGiven(body, "to", to);
        addIfGiven(body, "zone", zone);
        if (failOnInsufficientData) {
            body.addProperty("failOnInsufficientData", true);
        }
        if (minSamples != null) {
            body.addProperty("minSamples", wholeNumber(minSamples));
        }
        addIfGiven(body, "policy", policy);
        addIfGiven(body, "minSeverity", minSeverity); // the server checks the value
        String breach = onBreach == null ? "FAILURE" : onBreach.toUpperCase(Locale.ROOT);
        if (onBreach != null) {
            body.addProperty("onBreach", breach);
        }
        if (policy != null) {
            // the policy holds scope and thresholds; the server names anything else given with it
            if (!thresholds.isEmpty()) {
                throw new IllegalArgumentException("give either --policy or --threshold, not both");
            }
        } else if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("at least one --threshold (or a --policy) is needed");
        } else {
            JsonArray parsed = new JsonArray();
            thresholds.forEach(text -> parsed.add(threshold(text)));
            body.add("thresholds", parsed);
        }
        if (!scope.keySet().isEmpty()) {
            body.add("scope", scope);
        }
        return new Request(target.server(), body, breach, target.token());
    }

    private static void addIfGiven(JsonObject json, String name, String value) {
        if (value != null) {
            json.addProperty(name, value);
        }
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

    private record Request(String server, JsonObject body, String onBreach, String token) {
    }
}
