package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md against the OpenAPI description: every answer pasted after a {@code curl} example validates against
 * the schema of the operation and status the example names, and every request body it sends validates against
 * the operation's request schema (or, for an example the server refuses with 400, is refused by it too). What
 * cannot be checked is listed below with its reason, so a new example is either checked or consciously listed.
 */
class ApiDocExamplesTest {
    static final Path API_MD = Path.of("../docs/api.md");

    /** Examples whose printed answer is not the whole answer, so no schema of it applies. */
    static final Map<String, String> ANSWERS_NOT_CHECKED = Map.ofEntries(
            Map.entry("GET /api/v1/scorecards/acme?period=2026-Q3 | jq -c {supplier, period, environment, zone, responsibilities}",
                    "jq prints a projection of the answer"),
            Map.entry("GET /api/v1/scorecards/acme?period=2026-Q3 | jq -c .kpis[] | {metric, value, ci95, samples, target, verdict, previous, change}",
                    "jq prints a projection of the answer"),
            Map.entry("GET /api/v1/scorecards/acme?period=2026-Q3 | jq -c .kpis[0].trend",
                    "jq prints a part of the answer"),
            Map.entry("GET /api/v1/scorecards/acme?period=2026-Q3 | jq -c .breakdown.applications[] | {application, responsibility, cfr: .kpis.changeFailureRate}",
                    "jq prints a projection of the answer"),
            Map.entry("GET /api/v1/scorecards/acme?period=2026-Q3 | jq -c .breakdown.responsibilities | map_values(if . == null then null else {deployments: .deploymentFrequency.deployments, availability: .availability} end)",
                    "jq prints a projection of the answer"),
            Map.entry("GET /api/v1/scorecards/acme.csv?period=2026-Q3 | head -3",
                    "a CSV answer, cut to its first lines"),
            Map.entry("GET /api/v1/comparison?from=2026-07-01T00:00:00Z&to=2026-10-01T00:00:00Z&responsibility=DELIVERY | jq -c {window, responsibility, tag, suppliers: [.suppliers[] | {supplier, applications, cfr: .kpis.changeFailureRate}]}",
                    "jq prints a projection of the answer"),
            Map.entry("GET /api/v1/comparison?from=2026-07-01T00:00:00Z&to=2026-10-01T00:00:00Z&responsibility=DELIVERY | jq -c .differences[]",
                    "jq prints a part of the answer"),
            Map.entry("GET /api/v1/comparison?from=2026-07-01T00:00:00Z&to=2026-10-01T00:00:00Z&tag=web | jq -c [.suppliers[] | {supplier, applications}]",
                    "jq prints a projection of the answer"),
            Map.entry("GET /api/v1/applications?from=2026-07-01T00:00:00Z&to=2026-10-01T00:00:00Z | jq -c .applications[] | {application, tags}",
                    "jq prints a projection of the answer"),
            Map.entry("GET /api/v1/suppliers?from=2026-07-01T00:00:00Z&to=2026-10-01T00:00:00Z | jq -c .suppliers[] | {supplier, verdicts}",
                    "jq prints a projection of the answer"),
            Map.entry("POST /api/v1/gate -o /dev/null",
                    "the answer is thrown away: the example shows curl's exit, not the body"),
            Map.entry("GET /api/v1/openapi.json -o devops-kpi-openapi.json",
                    "the answer is saved to a file: the description itself, checked by OpenApiDescriptionTest"),
            Map.entry("GET /api/v1/kpis?application=search&from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z"
                    + " | jq -c {timeToResolve, availability}", "cut by jq to two objects of the answer"));

    /** Request bodies sent from a file the page does not show. */
    static final Map<String, String> REQUESTS_NOT_CHECKED = Map.of(
            "POST /api/v1/events @/tmp/devops-kpi-big.json", "17 MB of spaces made by head and tr, to show the 413");

    /**
     * Bodies the server refuses with 400 for a reason no JSON Schema can tell (a reference to something stored):
     * they validate, unlike every other refused example.
     */
    static final Map<String, String> REFUSED_BUT_WELL_FORMED = Map.of(
            "POST /api/v1/gate {\"policy\": \"release-web\"}", "no policy of that name is stored",
            "POST /api/v1/hooks/alertmanager {\"version\": \"4\", \"alerts\": [{\"status\": \"firing\", "
                    + "\"fingerprint\": \"77aa\", \"labels\": {\"service\": \"search\"}, \"startsAt\": \"yesterday\"}]}",
            "the tool's own payload is described as an open object; the server checks its fields");

    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern STATUS = Pattern.compile("^HTTP (\\d{3})$");
    private static final Pattern FILE_NAME = Pattern.compile("<code>([^<]+)</code>");

    record Block(String lang, String text, int line, String before) {
    }

    /** One curl command of the page: what it asks, and how its answer is printed. */
    record Curl(String method, String pathAndQuery, String body, String bodyFile, String filter, boolean printsStatus,
            String output, int line) {
        String path() {
            int q = pathAndQuery.indexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        }

        String key() {
            return method + " " + pathAndQuery + (filter == null ? "" : " | " + filter)
                    + (output == null ? "" : " -o " + output);
        }
    }

    /** A printed answer: its JSON and the status curl printed after it (200 when none). */
    record Answer(JsonNode json, int status) {
    }

    static List<Block> blocks;
    static Map<String, String> files;

    @BeforeAll
    static void readPage() throws IOException {
        blocks = blocks(Files.readAllLines(API_MD));
        files = new HashMap<>();
        for (Block block : blocks) {
            Matcher named = FILE_NAME.matcher(block.before());
            if (block.lang().equals("json") && block.before().contains("<summary>") && named.find()) {
                files.put(named.group(1), block.text());
            }
        }
    }

    @Test
    void everyAnswerOfTheExamplesMatchesTheSchemaOfItsOperationAndStatus() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            List<Curl> curls = curls(block);
            if (curls.isEmpty()) {
                continue;
            }
            List<Curl> printing = new ArrayList<>();
            for (Curl curl : curls) {
                if (curl.filter() != null && !curl.filter().equals("jq .") || curl.output() != null) {
                    notChecked.add(curl.key());
                } else {
                    printing.add(curl);
                }
            }
            if (printing.isEmpty()) {
                continue;
            }
            Block output = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            if (output == null || !(output.lang().equals("json") || output.lang().equals("text"))) {
                problems.add("line " + block.line() + ": no answer follows the curl example");
                continue;
            }
            List<Answer> answers = answers(output);
            if (answers.size() != printing.size()) {
                problems.add("line " + output.line() + ": " + answers.size() + " answers for " + printing.size()
                        + " curl commands printing one each (mix of whole and filtered answers?)");
                continue;
            }
            for (int n = 0; n < printing.size(); n++) {
                Curl curl = printing.get(n);
                Answer answer = answers.get(n);
                if (!curl.printsStatus() && answer.status() != 200) {
                    problems.add("line " + curl.line() + ": a status is printed although the command has no -w");
                }
                for (String problem : OpenApiContract.answerProblems(curl.method(), curl.path(), answer.status(),
                        "application/json", answer.json().toString())) {
                    problems.add("line " + output.line() + " (" + curl.method() + " " + curl.path() + ", HTTP "
                            + answer.status() + "): " + problem);
                }
                checked++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(notChecked).as("examples not checked (each must be listed with its reason)")
                .containsExactlyInAnyOrderElementsOf(ANSWERS_NOT_CHECKED.keySet());
        assertThat(checked).as("answers checked").isGreaterThanOrEqualTo(35);
    }

    @Test
    void everyRequestBodyOfTheExamplesMatchesTheRequestSchemaUnlessTheServerRefusesIt() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        List<String> wellFormedRefusals = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < blocks.size(); i++) {
            List<Curl> curls = curls(blocks.get(i));
            List<Answer> answers = i + 1 < blocks.size() ? answers(blocks.get(i + 1)) : List.of();
            for (int n = 0; n < curls.size(); n++) {
                Curl curl = curls.get(n);
                String body = curl.body();
                if (curl.bodyFile() != null) {
                    body = files.get(curl.bodyFile());
                    if (body == null) {
                        notChecked.add(curl.method() + " " + curl.path() + " @" + curl.bodyFile());
                        continue;
                    }
                }
                if (body == null) {
                    continue;
                }
                Optional<OpenApiContract.Operation> operation = OpenApiContract.operation(curl.method(), curl.path());
                if (operation.isEmpty()) {
                    problems.add("line " + curl.line() + ": no operation " + curl.method() + " " + curl.path());
                    continue;
                }
                // the example's status: a refused body (400) must be refused by the schema too
                boolean refused = curls.size() == answers.size() && answers.get(n).status() == 400;
                List<String> violations = OpenApiContract.requestProblems(operation.get(), body);
                String key = curl.method() + " " + curl.path() + " " + body.replaceAll("\\s+", " ").trim();
                if (refused && violations.isEmpty()) {
                    wellFormedRefusals.add(key);
                } else if (!refused && !violations.isEmpty()) {
                    problems.add("line " + curl.line() + " (" + curl.method() + " " + curl.path() + "): "
                            + String.join("; ", violations));
                }
                checked++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(notChecked).containsExactlyInAnyOrderElementsOf(REQUESTS_NOT_CHECKED.keySet());
        assertThat(wellFormedRefusals).as("examples refused with 400 whose body the schema accepts")
                .containsExactlyInAnyOrderElementsOf(REFUSED_BUT_WELL_FORMED.keySet());
        assertThat(checked).as("request bodies checked").isGreaterThanOrEqualTo(20);
    }

    /** The page's own claim that events of every type appear in it, each checked by the test above. */
    @Test
    void theExamplesSendEveryEventType() throws IOException {
        List<String> types = new ArrayList<>();
        for (Block block : blocks) {
            for (Curl curl : curls(block)) {
                String body = curl.bodyFile() != null ? files.get(curl.bodyFile()) : curl.body();
                if (body != null && curl.path().equals("/api/v1/events")) {
                    JsonNode events = OpenApiContract.MAPPER.readTree(body);
                    (events.isArray() ? events : OpenApiContract.MAPPER.createArrayNode().add(events))
                            .forEach(e -> types.add(e.path("type").asText()));
                }
            }
        }
        assertThat(types).contains("deployment", "incident", "assignment", "application", "target", "survey",
                "policy");
    }

    private static List<Block> blocks(List<String> lines) {
        List<Block> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            String before = start >= 2 ? lines.get(start - 2) + "\n" + lines.get(start - 1)
                    : start == 1 ? lines.get(0) : "";
            found.add(new Block(open.group(1), text.toString(), start + 1, before));
        }
        return found;
    }

    /** The curl commands of a shell block, with their pipes; other commands are left out. */
    static List<Curl> curls(Block block) {
        if (!block.lang().equals("bash") && !block.lang().equals("sh")) {
            return List.of();
        }
        List<Curl> curls = new ArrayList<>();
        for (List<List<String>> pipeline : commands(block.text())) {
            List<String> words = pipeline.get(0);
            if (words.isEmpty() || !words.get(0).equals("curl")) {
                continue;
            }
            String method = null;
            String url = null;
            String body = null;
            String bodyFile = null;
            boolean printsStatus = false;
            String output = null;
            for (int i = 1; i < words.size(); i++) {
                String word = words.get(i);
                switch (word) {
                    case "-X" -> method = words.get(++i);
                    case "-d", "--data" -> body = words.get(++i);
                    case "--data-binary" -> bodyFile = words.get(++i).substring(1);
                    case "-w" -> printsStatus = words.get(++i).contains("%{http_code}");
                    case "-o" -> output = words.get(++i);
                    case "-H" -> i++;
                    default -> {
                        if (word.startsWith("$KPI")) {
                            url = word.substring("$KPI".length());
                        }
                    }
                }
            }
            if (url == null) {
                throw new IllegalStateException("a curl example without $KPI in " + block.lang() + " block at line "
                        + block.line() + ": " + words);
            }
            String filter = pipeline.size() > 1 ? String.join(" ", pipeline.get(1)) : null;
            int line = block.line() + block.text().substring(0, Math.max(0, block.text().indexOf(url))).split("\n", -1).length;
            curls.add(new Curl(method != null ? method : body != null || bodyFile != null ? "POST" : "GET", url,
                    body, bodyFile, filter, printsStatus, output, line));
        }
        return curls;
    }

    /**
     * Splits shell text into commands (at newlines, {@code ;}, {@code &&} and {@code ||} outside quotes; a
     * backslash before a newline continues the line), each a pipeline of words with the quotes removed.
     */
    static List<List<List<String>>> commands(String text) {
        List<List<List<String>>> commands = new ArrayList<>();
        List<List<String>> pipeline = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
                continue;
            }
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
                continue;
            }
            boolean ends = c == '\n' || c == ';' || c == '&' && next(text, i) == '&' || c == '|' && next(text, i) == '|';
            if (ends || c == '|' || Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (c == '|' && !ends) {
                    pipeline.add(words);
                    words = new ArrayList<>();
                } else if (ends) {
                    if (c != '\n' && c != ';') {
                        i++;
                    }
                    pipeline.add(words);
                    commands.add(pipeline);
                    pipeline = new ArrayList<>();
                    words = new ArrayList<>();
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            word.append(c);
        }
        if (word != null) {
            words.add(word.toString());
        }
        pipeline.add(words);
        commands.add(pipeline);
        return commands;
    }

    private static char next(String text, int i) {
        return i + 1 < text.length() ? text.charAt(i + 1) : 0;
    }

    /** The JSON answers printed in an output block, each with the status printed after it. */
    static List<Answer> answers(Block block) throws IOException {
        List<Answer> answers = new ArrayList<>();
        if (block.lang().equals("json")) {
            try (MappingIterator<JsonNode> values = OpenApiContract.MAPPER.readerFor(JsonNode.class)
                    .readValues(block.text())) {
                values.forEachRemaining(json -> answers.add(new Answer(json, 200)));
            }
            return answers;
        }
        if (!block.lang().equals("text")) {
            return answers;
        }
        for (String line : block.text().split("\n")) {
            Matcher status = STATUS.matcher(line.trim());
            if (line.startsWith("{") || line.startsWith("[")) {
                answers.add(new Answer(OpenApiContract.MAPPER.readTree(line), 200));
            } else if (status.matches() && !answers.isEmpty()) {
                Answer last = answers.remove(answers.size() - 1);
                answers.add(new Answer(last.json(), Integer.parseInt(status.group(1))));
            }
        }
        return answers;
    }
}
