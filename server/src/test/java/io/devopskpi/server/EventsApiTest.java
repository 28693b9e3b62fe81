package io.devopskpi.server;

import static io.devopskpi.server.Events.ASSIGNMENT;
import static io.devopskpi.server.Events.DEPLOYMENT;
import static io.devopskpi.server.Events.INCIDENT;
import static io.devopskpi.server.Events.batch;
import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventsApiTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void storesABatchAndCountsIt() {
        HttpResponse<String> response = server.post(batch(ASSIGNMENT, DEPLOYMENT, INCIDENT));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(counts(3, 0, 0));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(server.rows("deployment")).isEqualTo(1);
    }

    @Test
    void countsAnIdenticalResendAsDuplicateAndAnIncidentChangeAsUpdate() {
        server.post(batch(ASSIGNMENT, DEPLOYMENT, INCIDENT));

        HttpResponse<String> again = server.post(batch(ASSIGNMENT, DEPLOYMENT,
                INCIDENT.replace("\"major\"", "\"minor\"")));

        assertThat(json(again)).isEqualTo(counts(0, 2, 1));
    }

    @Test
    void refusesADeploymentResentWithOtherContentNamingTheField() {
        server.post(DEPLOYMENT);

        HttpResponse<String> response = server.post(DEPLOYMENT.replace("\"SUCCESS\"", "\"FAILURE\""));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("error").getAsString()).contains("result");
        assertThat(server.text("SELECT result FROM deployment")).isEqualTo("SUCCESS");
    }

    @Test
    void refusesAnOverlappingAssignmentWithConflict() {
        server.post(ASSIGNMENT);

        HttpResponse<String> response = server.post(ASSIGNMENT.replace("2026-01-01T00:00:00Z", "2026-01-10T00:00:00Z")
                .replace("\"acme\"", "\"globex\""));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("error").getAsString()).contains("overlaps");
        assertThat(server.rows("assignment")).isEqualTo(1);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"Bearer wrong-token", "Bearer ", "Basic dGVzdDp0ZXN0", "test-write-token",
            "Bearer test-write-token-and-more"})
    void refusesWritesWithoutTheToken(String authorization) {
        HttpResponse<String> response = server.post(DEPLOYMENT, authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").getAsString()).contains("token");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(server.storedEvents()).isZero();
    }

    @Test
    void takesTheSchemeCaseInsensitively() {
        assertThat(server.post(DEPLOYMENT, "bearer " + TestServer.TOKEN).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"type\": \"deployment\",||body",
            "empty body|||body",
            "unknown type|{\"type\": \"deploy\"}|0|type",
            "missing type|{\"id\": \"x\"}|0|type",
            "unknown top-level field|" + "DEPLOYMENT:\"revision\"=>\"colour\": \"red\", \"revision\"|0|colour",
            "unknown nested field|DEPLOYMENT:\"author\": \"ann\"=>\"author\": \"ann\", \"sha\": \"abc\"|0|changes[0].sha",
            "number for a string|DEPLOYMENT:\"application\": \"shop\"=>\"application\": 42|0|application",
            "string for a boolean|DEPLOYMENT:\"imported\": false=>\"imported\": \"false\"|0|imported",
            "object for changes|DEPLOYMENT:\"changes\": [=>\"changes\": {}, \"x\": [|0|changes",
            "number for a timestamp|DEPLOYMENT:\"2026-01-05T10:00:00Z\"=>1767607200|0|started",
            "local timestamp|DEPLOYMENT:\"2026-01-05T10:00:00Z\"=>\"2026-01-05T10:00:00\"|0|started",
            "missing required field|DEPLOYMENT:\"environment\": \"production\",=>|0|environment",
            "blank string|DEPLOYMENT:\"revision\": \"9f2c1e0\"=>\"revision\": \" \"|0|revision",
            "unknown result|DEPLOYMENT:\"SUCCESS\"=>\"success\"|0|result",
            "unknown kind|DEPLOYMENT:\"NORMAL\"=>\"REDEPLOY\"|0|kind",
            "unknown responsibility|ASSIGNMENT:\"DELIVERY\"=>\"DEV\"|0|responsibility",
            "finished before started|DEPLOYMENT:\"2026-01-05T10:07:00Z\"=>\"2026-01-05T09:07:00Z\"|0|finished",
            "detected before started|INCIDENT:\"2026-01-05T11:20:00Z\"=>\"2026-01-05T10:20:00Z\"|0|detected",
            "resolved before started|INCIDENT:\"2026-01-05T13:00:00Z\"=>\"2026-01-05T10:00:00Z\"|0|resolved",
            "url not http|DEPLOYMENT:https://ci.example/job/shop/42/=>javascript:alert(1)|0|url",
            "reserved supplier|ASSIGNMENT:\"acme\"=>\"unassigned\"|0|supplier",
            "reserved team|DEPLOYMENT:\"team\": null=>\"team\": \"unassigned\"|0|team",
            "assignment to before from|ASSIGNMENT:\"to\": null=>\"to\": \"2025-01-01T00:00:00Z\"|0|to",
            "component listed twice|DEPLOYMENT:\"components\": [=>\"components\": [{\"name\": \"pipeline-lib\", \"version\": \"1\"},|0|components[1].name",
            "time far in the future|DEPLOYMENT:2026-01-05T10:07:00Z=>2027-01-05T10:07:00Z|0|finished",
            "not an object|[42]|0|"})
    void refusesBadInputNamingTheFieldAndStoresNothing(String name, String body, Integer index, String field) {
        HttpResponse<String> response = server.post(body(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonArray errors = json(response).getAsJsonArray("errors");
        assertThat(errors).isNotEmpty();
        JsonObject first = errors.get(0).getAsJsonObject();
        assertThat(first.get("index").isJsonNull() ? null : first.get("index").getAsInt()).isEqualTo(index);
        assertThat(first.get("field").isJsonNull() ? null : first.get("field").getAsString()).isEqualTo(field);
        assertThat(first.get("message").getAsString()).isNotBlank().doesNotContain("Exception");
        assertThat(server.storedEvents()).isZero();
    }

    @Test
    void storesNothingWhenOnlyTheLastEventOfABatchIsInvalid() {
        HttpResponse<String> response = server.post(batch(ASSIGNMENT, DEPLOYMENT, INCIDENT,
                Events.deployment("ci-1/shop/43").replace("\"SUCCESS\"", "\"DONE\"")));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonArray errors = json(response).getAsJsonArray("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getAsJsonObject().get("index").getAsInt()).isEqualTo(3);
        assertThat(server.storedEvents()).isZero();
    }

    @Test
    void storesNothingWhenOnlyTheLastEventBreaksAServerRule() {
        HttpResponse<String> response = server.post(batch(ASSIGNMENT, DEPLOYMENT,
                Events.deployment("ci-1/shop/43").replace("2026-01-05T10:07:00Z", "2027-01-05T10:07:00Z")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).getAsJsonArray("errors").get(0).getAsJsonObject().get("index").getAsInt())
                .isEqualTo(2);
        assertThat(server.storedEvents()).isZero();
    }

    @Test
    void listsTheErrorsOfEveryEvent() {
        HttpResponse<String> response = server.post(batch(DEPLOYMENT.replace("\"SUCCESS\"", "\"OK\""), INCIDENT,
                ASSIGNMENT.replace("\"DELIVERY\"", "\"ALL\"")));

        assertThat(json(response).getAsJsonArray("errors")).extracting(e -> e.getAsJsonObject().get("index").getAsInt())
                .containsExactly(0, 2);
    }

    @Test
    void answersTooLargeToABodyOverSixteenMebibytesWithALength() {
        byte[] body = new byte[17 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response = server.send(request().POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("error").getAsString()).contains("16 MiB");
    }

    @Test
    void answersTooLargeToAChunkedBodyOverSixteenMebibytes() {
        byte[] body = new byte[17 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response = server.send(request()
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(server.storedEvents()).isZero();
    }

    @Test
    void refusesAnotherContentType() {
        HttpResponse<String> response = server.send(request().header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(DEPLOYMENT)).build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(server.storedEvents()).isZero();
    }

    @Test
    void refusesABodyThatIsNotUtf8() {
        byte[] latin1 = DEPLOYMENT.replace("ann", "Jürgen").getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = server.send(request().POST(HttpRequest.BodyPublishers.ofByteArray(latin1))
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString())
                .isEqualTo("body");
    }

    @Test
    void keepsMarkupAndSqlInNamesAsText() {
        String application = "<script>alert('x')</script>";
        String team = "x'); DROP TABLE deployment; --";
        String body = Events.DEPLOYMENT.replace("\"shop\"", "\"<script>alert('x')</script>\"")
                .replace("\"team\": null", "\"team\": \"x'); DROP TABLE deployment; --\"");
        assertThat(server.post(body).statusCode()).isEqualTo(200);

        HttpResponse<String> kpis = server.get("/api/v1/kpis?application="
                + URLEncoder.encode(application, StandardCharsets.UTF_8) + "&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z");

        assertThat(kpis.statusCode()).as(kpis.body()).isEqualTo(200);
        JsonObject report = json(kpis);
        assertThat(report.getAsJsonObject("scope").get("application").getAsString()).isEqualTo(application);
        assertThat(report.getAsJsonObject("deploymentFrequency").get("deployments").getAsInt()).isEqualTo(1);
        assertThat(report.getAsJsonObject("availability").get("worstApplication").getAsString())
                .isEqualTo(application);
        assertThat(kpis.body()).doesNotContain("<script>");
        assertThat(server.text("SELECT team FROM deployment")).isEqualTo(team);
    }

    @Test
    void putsSecurityHeadersOnEveryAnswer() {
        for (HttpResponse<String> response : new HttpResponse[] {server.post(DEPLOYMENT), server.post("{"),
                server.post(DEPLOYMENT, null), server.get("/nowhere"), server.get("/api/v1/health")}) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).startsWith("default-src 'self';").contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("Server")).isEmpty();
        }
    }

    @Test
    void answersUnknownPathsAndMethodsInJsonWithoutEchoingThem() {
        HttpResponse<String> missing = server.get("/api/v1/%3Cb%3Enothing%3C/b%3E");
        HttpResponse<String> wrongMethod = server.get("/api/v1/events");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").getAsString()).isEqualTo("Not Found");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(server.uri("/api/v1/events")).header("Authorization", "Bearer " + TestServer.TOKEN);
    }

    /** "NAME:old=>new" is the named test event with one replacement; anything else is the body itself. */
    private static String body(String spec) {
        if (spec == null) {
            return "";
        }
        int colon = spec.indexOf(':');
        int arrow = spec.indexOf("=>");
        if (colon < 0 || arrow < 0 || !spec.substring(0, colon).matches("[A-Z]+")) {
            return spec;
        }
        String event = switch (spec.substring(0, colon)) {
            case "DEPLOYMENT" -> DEPLOYMENT;
            case "INCIDENT" -> INCIDENT;
            default -> ASSIGNMENT;
        };
        String old = spec.substring(colon + 1, arrow);
        assertThat(event).contains(old);
        return event.replace(old, spec.substring(arrow + 2));
    }

    private static JsonObject counts(int accepted, int duplicates, int updated) {
        JsonObject json = new JsonObject();
        json.addProperty("accepted", accepted);
        json.addProperty("duplicates", duplicates);
        json.addProperty("updated", updated);
        return json;
    }
}
