package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Issue 13, item 3 beyond events: seeded mutations of valid read queries (every read endpoint and its parameters),
 * gate bodies and alerting-tool payloads, sent to a real server. Every answer must be a success or a 4xx whose
 * errors each name what was refused: for a query, a parameter it sent or a known one it lacks; for a body, a field (never null but
 * for the body as a whole, named {@code body}); never a 5xx; and a refused webhook payload changes nothing stored.
 */
final class RequestFuzzer {
    /** What happened; {@code serverErrors} and {@code unnamed} must be empty. */
    record Report(int cases, int succeeded, int refused, List<String> serverErrors, List<String> unnamed,
            List<String> storeChanged) {
        String summary() {
            return String.format("cases %d, succeeded %d, refused 4xx %d, 5xx %d, refusals naming nothing sent %d, "
                    + "refused payloads that changed the store %d", cases, succeeded, refused, serverErrors.size(),
                    unnamed.size(), storeChanged.size());
        }
    }

    private static final String WINDOW = "2026-01-01T00:00:00Z";
    /** Each read endpoint with a valid query of its own parameters. */
    private static final Map<String, Map<String, String>> READS = new LinkedHashMap<>();

    static {
        Map<String, String> kpi = Map.of("application", "shop", "environment", "production", "from", WINDOW, "to",
                "2026-02-01T00:00:00Z", "zone", "Europe/Berlin", "minSeverity", "major");
        READS.put("kpis", kpi);
        READS.put("trends", with(kpi, "bucket", "week"));
        READS.put("applications", Map.of("window", "P30D", "offset", "0", "limit", "10"));
        READS.put("teams", Map.of("window", "P30D", "offset", "0", "limit", "10"));
        READS.put("suppliers", Map.of("window", "P30D", "limit", "5", "minSeverity", "minor"));
        READS.put("deployments", Map.of("team", "payments", "window", "P30D", "result", "SUCCESS", "limit", "5"));
        READS.put("failed-changes", Map.of("supplier", "acme", "window", "P30D", "tag", "web"));
        READS.put("incidents", Map.of("application", "shop", "window", "P30D", "startedInWindow", "true"));
        READS.put("components", Map.of("window", "P30D"));
        READS.put("export.csv", Map.of("application", "shop", "window", "P30D"));
        READS.put("assignments", Map.of("application", "shop", "offset", "1"));
        READS.put("targets", Map.of("supplier", "acme", "limit", "2"));
        READS.put("surveys", Map.of("supplier", "acme", "window", "P30D"));
        READS.put("policies", Map.of("limit", "1"));
        READS.put("comparison", Map.of("window", "P30D", "responsibility", "DELIVERY", "tag", "web"));
        READS.put("scorecards/acme", Map.of("period", "2026-01", "environment", "production", "zone", "UTC"));
        READS.put("scorecards/acme.csv", Map.of("period", "2026-Q1"));
    }

    private static final Set<String> KNOWN = Set.of("application", "team", "supplier", "environment", "window",
            "from", "to", "zone", "bucket", "offset", "limit", "result", "tag", "period", "responsibility",
            "minSeverity", "startedInWindow");
    private static final String[] NAMES = {"application", "team", "supplier", "environment", "window", "from", "to",
        "zone", "bucket", "offset", "limit", "result", "tag", "period", "responsibility", "minSeverity",
        "startedInWindow", "scope", "APPLICATION", "applications", "", "limit ", "__proto__", "ü", "a[0]"};
    private static final String[] VALUES = {"", " ", "-1", "0", "501", "99999999999", "1e3", "0x10", "P1Y", "P1M",
        "PT0S", "P-1D", "P99999999D", "30d", "2026-13-01T00:00:00Z", "2026-01-01", "2026-01-01T00:00:00+25:00",
        "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "Mars/Base", "UTC+99", "WEEK", "day", "success", "FAILURE",
        "true", "yes", "2026-Q5", "2026-00", "critical", "CRITICAL", "none", "BOTH", "nobody", "<script>", "\u0000",
        "\ud800", "é", "🙂", "x".repeat(1000), "%", "%zz", "a&b=c", "shop\nshop"};
    private static final String[] GATE_FIELDS = {"scope", "window", "from", "to", "zone", "thresholds",
        "minSamples", "failOnInsufficientData", "onBreach", "policy", "minSeverity", "metric", "operator", "value",
        "application", "environment", "team", "supplier", "unknown"};

    private final TestServer server;
    private final Random random;
    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> unnamed = new ArrayList<>();
    private final List<String> storeChanged = new ArrayList<>();
    private int succeeded;
    private int refused;

    RequestFuzzer(TestServer server, long seed) {
        this.server = server;
        this.random = new Random(seed);
    }

    Report run(int cases) {
        List<String> reads = new ArrayList<>(READS.keySet());
        JsonObject alertmanager = HooksApiTest.fixture("alertmanager-firing.json");
        JsonObject pagerduty = HooksApiTest.fixture("pagerduty-triggered.json");
        for (int c = 0; c < cases; c++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                read(reads.get(random.nextInt(reads.size())));
            } else if (kind < 8) {
                body("/api/v1/gate", mutate(gate()), false);
            } else {
                body(random.nextBoolean() ? "/api/v1/hooks/alertmanager" : "/api/v1/hooks/pagerduty",
                        mutate(random.nextBoolean() ? alertmanager.deepCopy() : pagerduty.deepCopy()), true);
            }
        }
        return new Report(cases, succeeded, refused, serverErrors, unnamed, storeChanged);
    }

    private void read(String endpoint) {
        List<String[]> query = new ArrayList<>();
        READS.get(endpoint).forEach((name, value) -> query.add(new String[] {name, value}));
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(5)) {
                case 0 -> { // another value
                    if (!query.isEmpty()) {
                        query.get(random.nextInt(query.size()))[1] = pick(VALUES);
                    }
                }
                case 1 -> query.add(new String[] {pick(NAMES), pick(VALUES)}); // a parameter, known or not
                case 2 -> { // the same parameter twice
                    if (!query.isEmpty()) {
                        String[] twice = query.get(random.nextInt(query.size()));
                        query.add(new String[] {twice[0], twice[1]});
                    }
                }
                case 3 -> { // one left out
                    if (!query.isEmpty()) {
                        query.remove(random.nextInt(query.size()));
                    }
                }
                default -> query.add(new String[] {pick(NAMES), ""});
            }
        }
        StringBuilder text = new StringBuilder();
        Set<String> sent = new java.util.HashSet<>();
        for (String[] parameter : query) {
            text.append(text.length() == 0 ? "?" : "&").append(encode(parameter[0])).append('=')
                    .append(encode(parameter[1]));
            sent.add(parameter[0]);
        }
        String request = "GET /api/v1/" + endpoint + text;
        HttpResponse<String> response = server.get("/api/v1/" + endpoint + text);
        judge(request, response, sent, false);
    }

    private void body(String path, JsonElement body, boolean hook) {
        // a webhook writes: a refused payload must leave every table as it was (StoreDump)
        String before = hook ? StoreDump.of(server.server.store()) : null;
        HttpResponse<String> response = server.postTo(path, body.toString(), "Bearer " + TestServer.TOKEN);
        judge("POST " + path + " " + excerpt(body.toString()), response, null, hook);
        if (hook && response.statusCode() >= 400 && !StoreDump.of(server.server.store()).equals(before)) {
            storeChanged.add(response.statusCode() + " POST " + path + " " + excerpt(body.toString()));
        }
    }

    private void judge(String request, HttpResponse<String> response, Set<String> parameters, boolean hook) {
        int status = response.statusCode();
        if (status >= 500) {
            serverErrors.add(status + " " + request + " -> " + excerpt(response.body()));
            return;
        }
        if (status < 400 || status == 412) { // 412 is the gate's verdict FAILED, not a refusal
            succeeded++;
            return;
        }
        refused++;
        if (status == 409 && hook) {
            return; // a conflict with a stored incident names the alert by index
        }
        JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
        for (JsonElement item : answer.getAsJsonArray("errors")) {
            JsonElement field = item.getAsJsonObject().get("field");
            String named = field == null || field.isJsonNull() ? null : field.getAsString();
            // a query's refusal names a parameter it sent, or a known one it lacks ("from is missing")
            boolean ok = parameters == null ? named != null || hook && item.getAsJsonObject().has("index")
                    : named != null && (parameters.contains(named) || KNOWN.contains(named));
            if (!ok) {
                unnamed.add(status + " " + request + " -> " + excerpt(item.toString()));
            }
        }
    }

    private static JsonObject gate() {
        return JsonParser.parseString("""
                {"scope": {"supplier": "acme", "environment": "production"}, "window": "30d",
                 "thresholds": [{"metric": "changeSuccessRate", "operator": ">=", "value": 0.9, "minSamples": 2},
                                {"metric": "leadTimeMedian", "operator": "<=", "value": "2d"}],
                 "minSamples": 1, "failOnInsufficientData": false, "onBreach": "UNSTABLE"}""").getAsJsonObject();
    }

    /** One to three changes anywhere in the JSON: a value replaced, a key added or removed, a type swapped. */
    private JsonElement mutate(JsonObject root) {
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            List<JsonObject> objects = new ArrayList<>();
            collect(root, objects);
            JsonObject target = objects.get(random.nextInt(objects.size()));
            List<String> keys = new ArrayList<>(target.keySet());
            switch (random.nextInt(4)) {
                case 0 -> target.add(keys.isEmpty() ? pick(GATE_FIELDS) : keys.get(random.nextInt(keys.size())),
                        value());
                case 1 -> target.add(pick(GATE_FIELDS), value());
                case 2 -> {
                    if (!keys.isEmpty()) {
                        target.remove(keys.get(random.nextInt(keys.size())));
                    }
                }
                default -> {
                    if (!keys.isEmpty()) {
                        String key = keys.get(random.nextInt(keys.size()));
                        JsonArray wrapped = new JsonArray();
                        wrapped.add(target.get(key));
                        target.add(key, wrapped);
                    }
                }
            }
        }
        return root;
    }

    private JsonElement value() {
        return switch (random.nextInt(6)) {
            case 0 -> JsonNull.INSTANCE;
            case 1 -> new JsonPrimitive(random.nextBoolean());
            case 2 -> new JsonPrimitive(random.nextInt(7) - 3 + random.nextDouble());
            case 3 -> new JsonObject();
            case 4 -> new JsonArray();
            default -> new JsonPrimitive(pick(VALUES));
        };
    }

    private static void collect(JsonElement element, List<JsonObject> objects) {
        if (element.isJsonObject()) {
            objects.add(element.getAsJsonObject());
            element.getAsJsonObject().entrySet().forEach(e -> collect(e.getValue(), objects));
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collect(e, objects));
        }
    }

    private static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return more;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
