package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13: values the fuzzer found accepted although no reader can use them, or stored differently by H2 and
 * PostgreSQL, are refused with 400 naming the field (docs/api.md, "Limits and robustness").
 */
class StringAndTimeLimitsApiTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "application|\"\\u00a0\\u00a0\"|application|must not be blank",
        "application|\"\\u200b\"|application|must not be blank",
        "team|\"\\ufeff \\u3000\"|team|must not be blank",
        "revision|\"9f2c\\u0000e0\"|revision|NUL",
        "pipeline|\"shop\\ud800main\"|pipeline|unpaired surrogate",
        "application|\"x\\udc00\"|application|unpaired surrogate",
        "started|\"2026-01-05T10:00:00.Z\"|started|ISO-8601 instant",
        "started|\"2026-01-05t10:00:00z\"|started|ISO-8601 instant",
        "finished|\"+12026-01-05T10:00:00Z\"|finished|ISO-8601 instant",
        "started|\"-5000-01-01T00:00:00Z\"|started|ISO-8601 instant",
        "started|\"0000-12-31T23:59:59Z\"|started|years 0001 to 9999",
        "started|\"2026-01-04T24:00:00Z\"|started|ISO-8601 instant",
        "started|\"2026-01-04T23:59:60Z\"|started|ISO-8601 instant",
    })
    void isRefusedNamingTheField(String field, String json, String named, String message) {
        long before = server.storedEvents();
        HttpResponse<String> response = server.post(deploymentWith(field, json));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = json(response).getAsJsonArray("errors").get(0).getAsJsonObject();
        assertThat(error.get("field").getAsString()).isEqualTo(named);
        assertThat(error.get("message").getAsString()).contains(message);
        assertThat(server.storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} items of {1}")
    @CsvSource({"10001, changes", "1001, components"})
    void tooManyItemsAreRefusedNamingTheArray(int items, String field) {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < items; i++) {
            array.append(i == 0 ? "" : ",").append(field.equals("changes")
                    ? "{\"id\":\"c" + i + "\",\"committed\":\"2026-01-04T09:00:00Z\"}"
                    : "{\"name\":\"lib" + i + "\",\"version\":\"1\"}");
        }
        HttpResponse<String> response = server.post(deploymentWith(field, array.append(']').toString()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = json(response).getAsJsonArray("errors").get(0).getAsJsonObject();
        assertThat(error.get("field").getAsString()).isEqualTo(field);
        assertThat(error.get("message").getAsString()).contains("at most");
    }

    @ParameterizedTest(name = "{0} tags")
    @CsvSource({"21", "100000"})
    void moreThanTwentyTagsAreRefusedEvenWhenTheyRepeat(int count) {
        String tags = "[" + "\"web\",".repeat(count - 1) + "\"web\"]";
        HttpResponse<String> response = server.post("{\"type\":\"application\",\"application\":\"shop\",\"tags\":"
                + tags + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString())
                .isEqualTo("tags");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "application|\"shop \\ud835\\udcae\"",
        "started|\"2026-01-05T11:00:00+01:00\"",
        "started|\"2026-01-05T10:00:00.123456Z\"",
    })
    void valuesTheContractAllowsAreStillAccepted(String field, String json) {
        HttpResponse<String> response = server.post(deploymentWith(field, json).replace("ci-1/shop/42",
                "ci-1/shop/" + field + json.hashCode()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String deploymentWith(String field, String json) {
        JsonObject event = com.google.gson.JsonParser.parseString(Events.DEPLOYMENT).getAsJsonObject();
        event.add(field, com.google.gson.JsonParser.parseString(json));
        // escaped, so that an unpaired surrogate reaches the server as \ud800 rather than as '?'
        StringBuilder text = new StringBuilder();
        event.toString().chars().forEach(c -> text.append(c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return text.toString();
    }
}
