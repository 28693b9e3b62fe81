package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * issue 15 item 4 over HTTP: {@code minSeverity} on /kpis, /trends and /suppliers; the alerting tools' own values
 * (Alertmanager's severity label, PagerDuty's priority, Opsgenie's priority) normalise as documented.
 */
class SeverityApiTest {
    private static final String WINDOW = "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";

    @Test
    void minSeverityKeepsOnlyIncidentsAtOrAboveItInTheIncidentSideKpis() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.post(Events.batch(Events.ASSIGNMENT.replace("DELIVERY", "BOTH"),
                    incident("A", "critical", "2026-01-05"), incident("B", "P2", "2026-01-06"),
                    incident("C", "warning", "2026-01-07"))).statusCode()).isEqualTo(200);
            String before = server.get("/api/v1/kpis?application=shop&" + WINDOW).body();

            // each incident: detected after 600 s, resolved after 3,600 s; critical: A only, major: A and B
            JsonObject critical = TestServer.json(server.get("/api/v1/kpis?application=shop&minSeverity=critical&"
                    + WINDOW));
            JsonObject major = TestServer.json(server.get("/api/v1/kpis?application=shop&minSeverity=major&"
                    + WINDOW));
            assertThat(critical.getAsJsonObject("timeToResolve").get("count").getAsInt()).isEqualTo(1);
            assertThat(major.getAsJsonObject("timeToResolve").get("count").getAsInt()).isEqualTo(2);
            assertThat(major.getAsJsonObject("availability").get("downtimeSeconds").getAsDouble())
                    .isCloseTo(7_200.0, within(1e-9));
            assertThat(TestServer.json(server.get("/api/v1/kpis?application=shop&" + WINDOW))
                    .getAsJsonObject("timeToResolve").get("count").getAsInt()).isEqualTo(3);
            // without the parameter the answer is the one of before
            assertThat(server.get("/api/v1/kpis?application=shop&" + WINDOW).body()).isEqualTo(before);

            JsonObject trend = TestServer.json(server.get("/api/v1/trends?application=shop&minSeverity=critical&"
                    + WINDOW));
            int resolved = 0;
            for (var bucket : trend.getAsJsonArray("buckets")) {
                resolved += bucket.getAsJsonObject().getAsJsonObject("kpis").getAsJsonObject("timeToResolve")
                        .get("count").getAsInt();
            }
            assertThat(resolved).isEqualTo(1);
            assertThat(server.get("/api/v1/suppliers?minSeverity=minor&" + WINDOW).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesAnUnknownMinimumNamingTheParameter() {
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> response = server.get("/api/v1/kpis?minSeverity=unknown");

            assertThat(response.statusCode()).isEqualTo(400);
            JsonObject error = TestServer.json(response).getAsJsonArray("errors").get(0).getAsJsonObject();
            assertThat(error.get("field").getAsString()).isEqualTo("minSeverity");
            assertThat(error.get("message").getAsString()).contains("'unknown'");
        }
    }

    @Test
    void theValuesTheAlertingToolsSendNormaliseAsDocumented() {
        try (TestServer server = TestServer.start()) {
            server.post(Events.batch(incident("am", "critical", "2026-01-05"), incident("pd", "P3", "2026-01-06"),
                    incident("pdu", "high", "2026-01-07"), incident("og", "P1", "2026-01-08"),
                    incident("x", "whatever", "2026-01-09")));

            assertThat(server.text("SELECT severity_level FROM incident WHERE id = 'am'")).isEqualTo("CRITICAL");
            assertThat(server.text("SELECT severity_level FROM incident WHERE id = 'pd'")).isEqualTo("MINOR");
            assertThat(server.text("SELECT severity_level FROM incident WHERE id = 'pdu'")).isEqualTo("MAJOR");
            assertThat(server.text("SELECT severity_level FROM incident WHERE id = 'og'")).isEqualTo("CRITICAL");
            assertThat(server.text("SELECT severity_level FROM incident WHERE id = 'x'")).isEqualTo("UNKNOWN");
            // the text itself is kept as sent
            assertThat(server.text("SELECT severity FROM incident WHERE id = 'pd'")).isEqualTo("P3");
        }
    }

    @Test
    void aGateWithMinSeverityJudgesOnlyThoseIncidentsOverHttpAndFromTheCommandLine() {
        try (TestServer server = TestServer.start()) {
            // critical resolved after 1 h, warning after 5 h: mean 3 h for all, 1 h for critical only
            server.post(Events.batch(incident("A", "critical", "2026-01-05"), """
                    {"type": "incident", "id": "W", "application": "shop", "environment": "production",
                     "started": "2026-01-06T10:00:00Z", "resolved": "2026-01-06T15:00:00Z", "severity": "warning"}"""));
            String gate = "{\"scope\": {\"application\": \"shop\"}, \"from\": \"2026-01-01T00:00:00Z\", "
                    + "\"to\": \"2026-02-01T00:00:00Z\", %s\"thresholds\": [{\"metric\": \"timeToResolveMean\", "
                    + "\"operator\": \"<=\", \"value\": \"2h\"}]}";
            String bearer = "Bearer " + TestServer.TOKEN;

            assertThat(server.postTo("/api/v1/gate", gate.formatted(""), bearer).statusCode()).isEqualTo(412);
            assertThat(server.postTo("/api/v1/gate", gate.formatted("\"minSeverity\": \"critical\", "), bearer)
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> bad = server.postTo("/api/v1/gate",
                    gate.formatted("\"minSeverity\": \"sev1\", "), bearer);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(bad).getAsJsonArray("errors").get(0).getAsJsonObject().get("field")
                    .getAsString()).isEqualTo("minSeverity");

            // a stored policy with the same threshold, narrowed by the request
            assertThat(server.post("{\"type\": \"policy\", \"name\": \"resolve\", \"gate\": "
                    + gate.formatted("") + "}").statusCode()).isEqualTo(200);
            assertThat(server.postTo("/api/v1/gate", "{\"policy\": \"resolve\"}", bearer).statusCode())
                    .isEqualTo(412);
            assertThat(server.postTo("/api/v1/gate", "{\"policy\": \"resolve\", \"minSeverity\": \"critical\"}",
                    bearer).statusCode()).isEqualTo(200);

            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server",
                    server.server.baseUrl(), "--application", "shop", "--from", "2026-01-01T00:00:00Z", "--to",
                    "2026-02-01T00:00:00Z", "--threshold", "timeToResolveMean <= 2h"));
            java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
            assertThat(new GateCommand(quiet, quiet, java.net.http.HttpClient.newHttpClient()).run(args))
                    .isEqualTo(GateCommand.BREACHED);
            args.addAll(java.util.List.of("--min-severity", "critical"));
            assertThat(new GateCommand(quiet, quiet, java.net.http.HttpClient.newHttpClient()).run(args))
                    .isEqualTo(GateCommand.PASSED);
        }
    }

    @Test
    void scorecardsAndTheComparisonTakeMinSeverityToo() {
        try (TestServer server = TestServer.start()) {
            // acme operates shop; critical A resolved after 1 h, warning W after 5 h: mean 3 h, critical only 1 h
            server.post(Events.batch(Events.ASSIGNMENT.replace("DELIVERY", "BOTH"), incident("A", "critical",
                    "2026-01-05"), """
                    {"type": "incident", "id": "W", "application": "shop", "environment": "production",
                     "started": "2026-01-06T10:00:00Z", "resolved": "2026-01-06T15:00:00Z", "severity": "warning"}"""));

            assertThat(resolveLine(server, "")).isCloseTo(10_800.0, within(1e-9));
            assertThat(resolveLine(server, "&minSeverity=critical")).isCloseTo(3_600.0, within(1e-9));
            assertThat(comparedResolve(server, "")).isCloseTo(10_800.0, within(1e-9));
            assertThat(comparedResolve(server, "&minSeverity=critical")).isCloseTo(3_600.0, within(1e-9));
            assertThat(server.get("/api/v1/scorecards/acme?period=2026-01&minSeverity=high").statusCode())
                    .isEqualTo(400);
        }
    }

    /** issue 15 item 4: "the contract target can name one". */
    @Test
    void aTargetWithMinSeverityIsStoredEchoedAndJudgedOnThoseIncidentsOnly() {
        try (TestServer server = TestServer.start()) {
            // acme operates shop; critical A resolved after 1 h, warning W after 5 h: mean 3 h, critical only 1 h
            server.post(Events.batch(Events.ASSIGNMENT.replace("DELIVERY", "BOTH"), incident("A", "critical",
                    "2026-01-05"), """
                    {"type": "incident", "id": "W", "application": "shop", "environment": "production",
                     "started": "2026-01-06T10:00:00Z", "resolved": "2026-01-06T15:00:00Z", "severity": "warning"}"""));
            // the same promise, time to resolve (mean) ≤ 2 h, over every incident and over critical ones
            String target = """
                    {"type": "target", "supplier": "acme", %s"metric": "timeToResolveMean", "operator": "<=",
                     "value": "2h", "minSamples": 1, "period": "MONTH", "from": "2026-01-01T00:00:00Z"%s}""";
            assertThat(server.post(Events.batch(target.formatted("", ""),
                    target.formatted("\"applications\": [\"shop\"], ", ", \"minSeverity\": \"critical\"")))
                    .statusCode()).isEqualTo(200);

            var targets = TestServer.json(server.get("/api/v1/targets?supplier=acme")).getAsJsonArray("targets");
            assertThat(targets.get(0).getAsJsonObject().has("minSeverity")).isFalse();
            assertThat(targets.get(1).getAsJsonObject().get("minSeverity").getAsString()).isEqualTo("critical");

            var verdicts = TestServer.json(server.get("/api/v1/suppliers?" + WINDOW)).getAsJsonArray("suppliers")
                    .get(0).getAsJsonObject().getAsJsonArray("verdicts");
            // every incident: (3,600 + 18,000) / 2 = 10,800 s > 7,200 s → MISSED
            assertThat(verdicts.get(0).getAsJsonObject().get("actual").getAsDouble()).isEqualTo(10_800.0);
            assertThat(verdicts.get(0).getAsJsonObject().get("verdict").getAsString()).isEqualTo("MISSED");
            // critical only: A, 3,600 s ≤ 7,200 s → MET
            assertThat(verdicts.get(1).getAsJsonObject().get("actual").getAsDouble()).isEqualTo(3_600.0);
            assertThat(verdicts.get(1).getAsJsonObject().get("minSeverity").getAsString()).isEqualTo("critical");
            assertThat(verdicts.get(1).getAsJsonObject().get("verdict").getAsString()).isEqualTo("MET");

            // a level the filter does not know is refused naming the field and the value, nothing stored
            long stored = server.storedEvents();
            HttpResponse<String> bad = server.post(target.formatted("", ", \"minSeverity\": \"sev1\""));
            assertThat(bad.statusCode()).isEqualTo(400);
            JsonObject error = TestServer.json(bad).getAsJsonArray("errors").get(0).getAsJsonObject();
            assertThat(error.get("field").getAsString()).isEqualTo("minSeverity");
            assertThat(error.get("message").getAsString()).contains("'sev1'");
            assertThat(server.storedEvents()).isEqualTo(stored);
            assertThat(TestServer.json(server.get("/api/v1/targets?supplier=acme")).getAsJsonArray("targets")
                    .get(0).getAsJsonObject().has("minSeverity")).isFalse();
        }
    }

    /** issue 15 item 4: each listed incident carries its normalised level next to the text sent. */
    @Test
    void theIncidentListCarriesTheNormalisedLevel() {
        try (TestServer server = TestServer.start()) {
            server.post(Events.batch(incident("A", "P1", "2026-01-05"), incident("B", "high", "2026-01-06"),
                    incident("C", "warning", "2026-01-07"), incident("D", "whatever", "2026-01-08")));

            var items = TestServer.json(server.get("/api/v1/incidents?application=shop&" + WINDOW))
                    .getAsJsonArray("incidents");
            java.util.List<String> levels = new java.util.ArrayList<>();
            items.forEach(i -> levels.add(i.getAsJsonObject().get("severity").getAsString() + "="
                    + i.getAsJsonObject().get("severityLevel").getAsString()));
            assertThat(levels).containsExactly("whatever=unknown", "warning=minor", "high=major", "P1=critical");
        }
    }

    /** The list behind time to detect and time to resolve counts what they count: at least the minimum severity. */
    @Test
    void theIncidentListTakesMinSeverityLikeTheFiguresItExplains() {
        try (TestServer server = TestServer.start()) {
            server.post(Events.batch(incident("A", "P1", "2026-01-05"), incident("B", "high", "2026-01-06"),
                    incident("C", "warning", "2026-01-07"), incident("D", "whatever", "2026-01-08")));

            JsonObject major = TestServer.json(server.get("/api/v1/incidents?application=shop&minSeverity=major&"
                    + WINDOW));
            java.util.List<String> ids = new java.util.ArrayList<>();
            major.getAsJsonArray("incidents").forEach(i -> ids.add(i.getAsJsonObject().get("id").getAsString()));
            assertThat(ids).containsExactly("B", "A");
            assertThat(major.get("total").getAsInt()).isEqualTo(2);
            // minor and above: everything but the unknown one, as time to detect counts them
            JsonObject minor = TestServer.json(server.get("/api/v1/incidents?application=shop&minSeverity=minor&"
                    + WINDOW + "&startedInWindow=true"));
            assertThat(minor.get("total").getAsInt()).isEqualTo(3);
            assertThat(TestServer.json(server.get("/api/v1/kpis?application=shop&minSeverity=minor&" + WINDOW))
                    .getAsJsonObject("timeToDetect").get("count").getAsInt()).isEqualTo(3);

            HttpResponse<String> refused = server.get("/api/v1/incidents?minSeverity=severe");
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonObject error = TestServer.json(refused).getAsJsonArray("errors").get(0).getAsJsonObject();
            assertThat(error.get("field").getAsString()).isEqualTo("minSeverity");
            assertThat(error.get("message").getAsString()).contains("'severe'");
        }
    }

    private static double resolveLine(TestServer server, String filter) {
        for (var line : TestServer.json(server.get("/api/v1/scorecards/acme?period=2026-01" + filter))
                .getAsJsonArray("kpis")) {
            if (line.getAsJsonObject().get("metric").getAsString().equals("timeToResolveMean")) {
                return line.getAsJsonObject().get("value").getAsDouble();
            }
        }
        throw new AssertionError("no timeToResolveMean line");
    }

    private static double comparedResolve(TestServer server, String filter) {
        for (var entry : TestServer.json(server.get("/api/v1/comparison?" + WINDOW + filter))
                .getAsJsonArray("suppliers")) {
            if (entry.getAsJsonObject().get("supplier").getAsString().equals("acme")) {
                return entry.getAsJsonObject().getAsJsonObject("kpis").getAsJsonObject("timeToResolve")
                        .get("meanSeconds").getAsDouble();
            }
        }
        throw new AssertionError("no acme in the comparison");
    }

    private static String incident(String id, String severity, String day) {
        return """
                {"type": "incident", "id": "%s", "application": "shop", "environment": "production",
                 "started": "%sT10:00:00Z", "detected": "%sT10:10:00Z", "resolved": "%sT11:00:00Z",
                 "severity": "%s"}""".formatted(id, day, day, day, severity);
    }
}
