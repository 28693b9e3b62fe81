package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.devopskpi.core.store.StoreConfig;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * issue 15 item 5, change authors on request: {@code POST /api/v1/authors/pseudonymise} and {@code /drop} with the
 * write token, and {@code --no-authors}. Afterwards the author appears in no answer, export or conflict message,
 * and the KPIs are those of before.
 */
class AuthorsApiTest {
    private static final String AUTHOR = "ann.example@corp.example";
    private static final String DEPLOYMENT = Events.DEPLOYMENT.replace("\"author\": \"ann\"",
            "\"author\": \"" + AUTHOR + "\"");
    /** The same deployment id with the change committed an hour earlier: a conflict that lists the stored change. */
    private static final String CONFLICTING = DEPLOYMENT.replace("2026-01-04T09:00:00Z", "2026-01-04T08:00:00Z");
    private static final List<String> READS = List.of(
            "/api/v1/kpis?application=shop&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
            "/api/v1/trends?application=shop&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
            "/api/v1/deployments?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
            "/api/v1/failed-changes?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
            "/api/v1/incidents?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
            "/api/v1/components?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
            "/api/v1/applications", "/api/v1/teams", "/api/v1/suppliers",
            "/api/v1/export.csv?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", "/metrics");

    @Test
    void pseudonymisingAnAuthorRemovesItFromEveryAnswerAndKeepsTheKpis() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.post(Events.batch(Events.ASSIGNMENT, DEPLOYMENT, Events.INCIDENT)).statusCode())
                    .isEqualTo(200);
            String kpisBefore = server.get(READS.get(0)).body();
            // before: the store holds the author and a conflicting re-send names it
            assertThat(server.post(CONFLICTING).body()).contains(AUTHOR);

            HttpResponse<String> refused = server.postTo("/api/v1/authors/pseudonymise",
                    "{\"author\": \"" + AUTHOR + "\"}", "Bearer wrong");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(server.text("SELECT author FROM deployment_change")).isEqualTo(AUTHOR);

            HttpResponse<String> answer = server.postTo("/api/v1/authors/pseudonymise",
                    "{\"author\": \"" + AUTHOR + "\"}", "Bearer " + TestServer.TOKEN);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(TestServer.json(answer).get("changes").getAsInt()).isEqualTo(1);

            String pseudonym = server.text("SELECT author FROM deployment_change");
            assertThat(pseudonym).matches("pseudonym-[0-9a-f]{16}");
            for (String read : READS) {
                HttpResponse<String> response = server.get(read);
                assertThat(response.statusCode()).as(read).isEqualTo(200);
                assertThat(response.body()).as(read).doesNotContain("ann.example");
            }
            HttpResponse<String> conflict = server.post(CONFLICTING);
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(conflict.body()).doesNotContain("ann.example").contains(pseudonym);
            // the original re-sent is still a duplicate, and does not bring the author back
            assertThat(TestServer.json(server.post(DEPLOYMENT)).get("duplicates").getAsInt()).isEqualTo(1);
            assertThat(server.text("SELECT author FROM deployment_change")).isEqualTo(pseudonym);
            assertThat(server.get(READS.get(0)).body()).isEqualTo(kpisBefore);
        }
    }

    @Test
    void droppingEveryAuthorLeavesNoneAndKeepsTheKpis() {
        try (TestServer server = TestServer.start()) {
            server.post(Events.batch(DEPLOYMENT, Events.deployment("ci-1/shop/43").replace("\"c41\"", "\"c42\"")
                    .replace("\"author\": \"ann\"", "\"author\": \"bob\"")));
            String kpisBefore = server.get(READS.get(0)).body();

            HttpResponse<String> answer = server.postTo("/api/v1/authors/drop", "{\"all\": true}",
                    "Bearer " + TestServer.TOKEN);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(TestServer.json(answer).get("changes").getAsInt()).isEqualTo(2);
            assertThat(server.text("SELECT COUNT(*) FROM deployment_change WHERE author IS NOT NULL")).isEqualTo("0");
            assertThat(server.get(READS.get(0)).body()).isEqualTo(kpisBefore);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"author\": \"\"}|author",
            "{\"who\": \"ann\"}|who",
            "{\"all\": false}|all",
            "{\"all\": true, \"author\": \"ann\"}|all",
            "{}|author",
            "[\"ann\"]|body",
            "{\"author\": |body"})
    void refusesABodyThatNamesNoAuthorNamingTheFieldAndChangesNothing(String body, String field) {
        try (TestServer server = TestServer.start()) {
            server.post(DEPLOYMENT);

            HttpResponse<String> answer = server.postTo("/api/v1/authors/pseudonymise", body,
                    "Bearer " + TestServer.TOKEN);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            JsonObject error = TestServer.json(answer).getAsJsonArray("errors").get(0).getAsJsonObject();
            assertThat(error.get("field").getAsString()).isEqualTo(field);
            assertThat(server.text("SELECT author FROM deployment_change")).isEqualTo(AUTHOR);
        }
    }

    @Test
    void aServerStartedWithNoAuthorsNeverStoresOne() throws Exception {
        ServerOptions options = CommandLine.parse("--no-authors").options(TestServer.TOKEN, TestServer.CLOCK);
        assertThat(options.keepAuthors()).isFalse();
        assertThat(CommandLine.parse().options(TestServer.TOKEN, TestServer.CLOCK).keepAuthors()).isTrue();
        StoreConfig store = TestServer.freshStore();
        try (TestServer server = TestServer.start(store, ServerOptions.forTests(store, TestServer.TOKEN,
                TestServer.CLOCK).withoutAuthors())) {
            assertThat(server.post(DEPLOYMENT).statusCode()).isEqualTo(200);

            assertThat(server.text("SELECT COUNT(*) FROM deployment_change WHERE author IS NULL")).isEqualTo("1");
            assertThat(TestServer.json(server.post(DEPLOYMENT)).get("duplicates").getAsInt()).isEqualTo(1);
        }
        assertThatThrownBy(() -> CommandLine.parse("--no-authors", "x")).hasMessageContaining("'x'");
    }
}
