package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import incidents} against a real server: ServiceNow's and Jira's exports, a custom mapping, a missing
 * column, a bad date, a duplicate ticket (each named by line, column and value, nothing sent) and a dry run.
 */
class IncidentImportCommandTest {
    static final String SERVICENOW = """
            number,short_description,opened_at,sys_created_on,resolved_at,priority,cmdb_ci,state
            INC0010001,Checkout fails,2026-01-10 09:00:00,2026-01-10 09:20:00,2026-01-10 11:00:00,1 - Critical,shop,Resolved
            INC0010002,"Slow search, sometimes",2026-01-12 14:00:00,2026-01-12 14:05:00,,3 - Moderate,search,In Progress
            """;
    /** The same history as {@link #SERVICENOW}, as the events a script would post. */
    static final String SAME_AS_EVENTS = """
            [{"type":"incident","id":"INC0010001","application":"shop","environment":"production",
              "started":"2026-01-10T09:00:00Z","detected":"2026-01-10T09:20:00Z","resolved":"2026-01-10T11:00:00Z",
              "severity":"1 - Critical"},
             {"type":"incident","id":"INC0010002","application":"search","environment":"production",
              "started":"2026-01-12T14:00:00Z","detected":"2026-01-12T14:05:00Z","severity":"3 - Moderate"}]""";

    @TempDir
    Path dir;

    private TestServer server;
    private Path token;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        token = Files.writeString(dir.resolve("token"), TestServer.TOKEN + "\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("incidents", "--server", server.server.baseUrl(),
                "--token-file", token.toString()));
        all.addAll(List.of(args));
        return new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HttpClient.newHttpClient()).run(all);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private JsonObject incidents() {
        return json(server.get("/api/v1/incidents?environment=production&from=2026-01-01T00:00:00Z"
                + "&to=2026-02-01T00:00:00Z"));
    }

    private String kpis() {
        return json(server.get("/api/v1/kpis?environment=production&from=2026-01-01T00:00:00Z"
                + "&to=2026-02-01T00:00:00Z")).toString();
    }

    @Test
    void importsAServiceNowExportWhoseKpisEqualTheSameHistorySentAsEvents() throws IOException {
        assertThat(run(file("incidents.csv", SERVICENOW).toString())).isEqualTo(EventSender.IMPORTED);
        assertThat(stdout()).contains("imported 2 of 2 events (accepted 2, duplicates 0, updated 0)");
        String imported = kpis();
        String listed = incidents().toString();

        TestServer events = TestServer.start();
        try {
            assertThat(events.post(SAME_AS_EVENTS).statusCode()).isEqualTo(200);
            assertThat(json(events.get("/api/v1/kpis?environment=production&from=2026-01-01T00:00:00Z"
                    + "&to=2026-02-01T00:00:00Z")).toString()).isEqualTo(imported);
            assertThat(json(events.get("/api/v1/incidents?environment=production&from=2026-01-01T00:00:00Z"
                    + "&to=2026-02-01T00:00:00Z")).toString()).isEqualTo(listed);
        } finally {
            events.close();
        }
        assertThat(listed).contains("\"severity\":\"1 - Critical\"");
        assertThat(run(file("again.csv", SERVICENOW).toString())).isEqualTo(EventSender.IMPORTED);
        assertThat(stdout()).contains("imported 2 of 2 events (accepted 0, duplicates 2, updated 0)");
    }

    @Test
    void readsJiraServiceManagementsExportWithItsTimeFormatAndZone() throws IOException {
        Path csv = file("jira.csv", """
                Summary,Issue key,Issue id,Issue Type,Status,Priority,Created,Resolved,Component/s,Component/s
                Payments down,OPS-12,10012,Incident,Resolved,Highest,10/Jan/26 9:30 AM,10/Jan/26 11:00 AM,payments,api
                Login slow,OPS-13,10013,Incident,Open,Medium,11/Jan/26 2:15 PM,,login,
                """);

        assertThat(run(csv.toString(), "--format", "jira", "--zone", "Europe/Berlin", "--environment", "prod"))
                .isEqualTo(EventSender.IMPORTED);

        JsonObject listed = json(server.get("/api/v1/incidents?environment=prod&from=2026-01-01T00:00:00Z"
                + "&to=2026-02-01T00:00:00Z"));
        assertThat(listed.get("total").getAsInt()).isEqualTo(2);
        JsonObject ops12 = listed.getAsJsonArray("incidents").get(1).getAsJsonObject();
        assertThat(ops12.get("id").getAsString()).isEqualTo("OPS-12");
        assertThat(ops12.get("application").getAsString()).isEqualTo("payments");
        assertThat(ops12.get("started").getAsString()).isEqualTo("2026-01-10T08:30:00Z");
        assertThat(ops12.get("resolved").getAsString()).isEqualTo("2026-01-10T10:00:00Z");
        assertThat(ops12.get("severity").getAsString()).isEqualTo("Highest");
    }

    @Test
    void aCustomExportIsReadThroughItsMapping() throws IOException {
        Path csv = file("custom.csv", """
                ticket;service;env;begin;end
                T-1,shop,staging,2026-01-05T10:00:00+01:00,2026-01-05T10:30:00Z
                """.replace("ticket;service;env;begin;end", "ticket,service,env,begin,end"));

        assertThat(run(csv.toString(), "--format", "custom", "--map", "ticket=id", "--map", "service=application",
                "--map", "env=environment", "--map", "begin=started", "--map", "end=resolved"))
                .isEqualTo(EventSender.IMPORTED);

        JsonObject listed = json(server.get("/api/v1/incidents?environment=staging&from=2026-01-01T00:00:00Z"
                + "&to=2026-02-01T00:00:00Z"));
        JsonObject t1 = listed.getAsJsonArray("incidents").get(0).getAsJsonObject();
        assertThat(t1.get("started").getAsString()).isEqualTo("2026-01-05T09:00:00Z");
        assertThat(t1.get("durationSeconds").getAsDouble()).isEqualTo(5400.0);
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsLookedForAndNothingIsSent() throws IOException {
        Path csv = file("no-ci.csv", """
                number,opened_at,resolved_at,priority
                INC0010001,2026-01-10 09:00:00,2026-01-10 11:00:00,1 - Critical
                """);

        assertThat(run(csv.toString())).isEqualTo(EventSender.REFUSED);

        assertThat(stderr()).contains("line 1: no column for application (looked for cmdb_ci)")
                .contains("nothing was sent");
        assertThat(server.rows("incident")).isZero();
    }

    @Test
    void badDatesEmptyCellsAndDuplicateTicketsAreNamedByLineColumnAndValueAndNothingIsSent() throws IOException {
        Path csv = file("bad.csv", """
                number,opened_at,sys_created_on,resolved_at,priority,cmdb_ci
                INC0010001,2026-01-10 09:00:00,,2026-01-10 11:00:00,2,shop
                INC0010002,2026-13-10 09:00:00,,,2,shop
                INC0010003,2026-01-11 09:00:00,,2026-01-11 08:00:00,2,
                INC0010001,2026-01-12 09:00:00,,,2,shop
                """);

        assertThat(run(csv.toString())).isEqualTo(EventSender.REFUSED);

        assertThat(stderr())
                .contains("line 3, column opened_at: cannot read '2026-13-10 09:00:00' as a time "
                        + "(yyyy-MM-dd HH:mm:ss in UTC)")
                .contains("line 4, column cmdb_ci: application is empty")
                .contains("line 4, column resolved_at: resolved 2026-01-11T08:00:00Z is before started "
                        + "2026-01-11T09:00:00Z (column opened_at)")
                .contains("line 5, column number: incident 'INC0010001' is also on line 2")
                .contains("nothing was sent");
        assertThat(server.rows("incident")).isZero();
    }

    @Test
    void aDryRunSaysPerIncidentWhatWouldChangeAndSendsNothing() throws IOException {
        assertThat(server.post("""
                [{"type":"incident","id":"INC0010001","application":"shop","environment":"production",
                  "started":"2026-01-10T09:00:00Z","detected":"2026-01-10T09:20:00Z",
                  "resolved":"2026-01-10T11:00:00Z","severity":"1 - Critical"},
                 {"type":"incident","id":"INC0010002","application":"search","environment":"production",
                  "started":"2026-01-12T14:00:00Z","severity":"3 - Moderate"}]""").statusCode()).isEqualTo(200);
        Path csv = file("incidents.csv", SERVICENOW + """
                INC0010003,Cart empty,2026-01-20 08:00:00,2026-01-20 08:10:00,2026-01-20 09:00:00,2 - High,shop,Resolved
                """);

        assertThat(run(csv.toString(), "--dry-run")).isEqualTo(EventSender.IMPORTED);

        assertThat(stdout()).contains("line 2  INC0010001  unchanged")
                .contains("line 3  INC0010002  updated: detected (stored none, file 2026-01-12T14:05:00Z)")
                .contains("line 4  INC0010003  new")
                .contains("dry run: 3 incidents, 1 new, 1 updated, 1 unchanged, 0 refused; nothing was sent");
        assertThat(server.rows("incident")).isEqualTo(2);
        assertThat(incidents().toString()).doesNotContain("2026-01-12T14:05:00Z");

        Path moved = file("moved.csv", """
                number,opened_at,resolved_at,priority,cmdb_ci
                INC0010001,2026-01-10 09:00:00,,1 - Critical,checkout
                """);
        assertThat(run(moved.toString(), "--dry-run")).isEqualTo(EventSender.REFUSED);
        assertThat(stdout()).contains("line 2  INC0010001  refused: it was stored with another application "
                + "(stored shop, file checkout)");
    }

    @Test
    void badArgumentsExitTwo() throws IOException {
        Path csv = file("incidents.csv", SERVICENOW);
        assertThat(run(csv.toString(), "--format", "remedy")).isEqualTo(EventSender.REFUSED);
        assertThat(stderr()).contains("--format must be servicenow, jira or custom, got 'remedy'");
        assertThat(run(csv.toString(), "--map", "cmdb_ci=service")).isEqualTo(EventSender.REFUSED);
        assertThat(stderr()).contains("--map takes column=field with a field of id, application");
        assertThat(run(csv.toString(), "--zone", "Mars/Olympus")).isEqualTo(EventSender.REFUSED);
        assertThat(stderr()).contains("--zone is not a time zone: 'Mars/Olympus'");
        assertThat(server.rows("incident")).isZero();
    }
}
