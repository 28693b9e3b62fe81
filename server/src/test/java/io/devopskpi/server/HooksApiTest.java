package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.devopskpi.core.hooks.HookMappings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The alerting webhooks over real HTTP, with payloads written from each tool's documented format. KPI windows are
 * [2026-01-01, 2026-01-31): 30 days = 2,592,000 s; the test clock is 2026-02-01T12:00Z.
 */
class HooksApiTest {
    private static final String BEARER = "Bearer " + TestServer.TOKEN;
    private static final String WINDOW = "&from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z";
    private static final double WINDOW_SECONDS = 2_592_000;

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
    void alertmanagerGroupOpensOneIncidentPerAlertAndTheResolvedNotificationClosesThem() {
        HttpResponse<String> firing = hook("alertmanager", fixture("alertmanager-firing.json"));

        assertThat(firing.statusCode()).as(firing.body()).isEqualTo(200);
        assertThat(json(firing)).isEqualTo(answer(2, 0, 0, 1, 0));
        // startsAt 2026-01-10T11:00+01:00 = 10:00Z; the id is fingerprint + start as an instant
        assertThat(server.text("SELECT application || '/' || environment || '/' || severity FROM incident WHERE id = "
                + "'alertmanager:5f1e2d3c4b5a6978:2026-01-10T10:00:00Z'")).isEqualTo("shop/production/critical");
        JsonObject shopOpen = kpis("application=shop");
        assertThat(shopOpen.getAsJsonObject("timeToResolve").get("open").getAsInt()).isEqualTo(1);
        assertThat(shopOpen.getAsJsonObject("timeToResolve").get("count").getAsInt()).isZero();
        // open since 01-10T10:00Z up to the window's end 01-31T00:00Z: 14 h + 20 d = 494 h = 1,778,400 s
        assertThat(shopOpen.getAsJsonObject("availability").get("downtimeSeconds").getAsDouble()).isEqualTo(1_778_400);

        HttpResponse<String> resolved = hook("alertmanager", fixture("alertmanager-resolved.json"));

        // shop resolved (updated), cart still firing (unchanged: duplicate), the disk alert unmapped again
        assertThat(json(resolved)).isEqualTo(answer(0, 1, 1, 1, 0));
        JsonObject shop = kpis("application=shop");
        // resolved 11:30Z − started 10:00Z = 5,400 s
        assertThat(shop.getAsJsonObject("timeToResolve").get("count").getAsInt()).isEqualTo(1);
        assertThat(shop.getAsJsonObject("timeToResolve").get("meanSeconds").getAsDouble()).isEqualTo(5_400);
        assertThat(shop.getAsJsonObject("timeToResolve").get("open").getAsInt()).isZero();
        assertThat(shop.getAsJsonObject("availability").get("downtimeSeconds").getAsDouble()).isEqualTo(5_400);
        assertThat(shop.getAsJsonObject("availability").get("ratio").getAsDouble())
                .isCloseTo(1 - 5_400 / WINDOW_SECONDS, within(1e-12));
        JsonObject cart = kpis("application=cart");
        // a firing alert's endsAt (08:20) is Alertmanager's guess, not an end: open from 01-12T08:00Z to the
        // window's end 01-31T00:00Z = 16 h + 18 d = 448 h = 1,612,800 s (not 1,200 s)
        assertThat(cart.getAsJsonObject("timeToResolve").get("open").getAsInt()).isEqualTo(1);
        assertThat(cart.getAsJsonObject("availability").get("downtimeSeconds").getAsDouble()).isEqualTo(1_612_800);
        assertThat(server.rows("incident")).isEqualTo(2);
    }

    @Test
    void alertmanagerResendsAreIdempotentAndAFiringAgainLaterIsANewIncident() {
        hook("alertmanager", fixture("alertmanager-firing.json"));
        assertThat(json(hook("alertmanager", fixture("alertmanager-firing.json")))).isEqualTo(answer(0, 2, 0, 1, 0));
        hook("alertmanager", fixture("alertmanager-resolved.json"));
        assertThat(json(hook("alertmanager", fixture("alertmanager-resolved.json"))))
                .isEqualTo(answer(0, 2, 0, 1, 0));
        assertThat(server.rows("incident")).isEqualTo(2);

        JsonObject again = fixture("alertmanager-firing.json");
        JsonObject shop = alert(again, 0);
        shop.addProperty("startsAt", "2026-01-20T10:00:00Z");
        again.add("alerts", single(shop));

        assertThat(json(hook("alertmanager", again))).isEqualTo(answer(1, 0, 0, 0, 0));
        assertThat(server.rows("incident")).isEqualTo(3);
    }

    @Test
    void pagerDutyTriggeredAcknowledgedResolvedGiveStartDetectionAndResolution() {
        assertThat(json(hook("pagerduty", fixture("pagerduty-triggered.json")))).isEqualTo(answer(1, 0, 0, 0, 0));
        assertThat(json(hook("pagerduty", fixture("pagerduty-acknowledged.json")))).isEqualTo(answer(0, 0, 1, 0, 0));
        assertThat(json(hook("pagerduty", fixture("pagerduty-annotated.json")))).isEqualTo(answer(0, 0, 0, 0, 1));
        assertThat(json(hook("pagerduty", fixture("pagerduty-resolved.json")))).isEqualTo(answer(0, 0, 1, 0, 0));

        assertPaymentsIncident();
    }

    @Test
    void pagerDutyEventsArrivingOutOfOrderGiveTheSameIncident() {
        assertThat(json(hook("pagerduty", fixture("pagerduty-resolved.json")))).isEqualTo(answer(1, 0, 0, 0, 0));
        assertThat(json(hook("pagerduty", fixture("pagerduty-acknowledged.json")))).isEqualTo(answer(0, 0, 1, 0, 0));
        assertThat(json(hook("pagerduty", fixture("pagerduty-triggered.json")))).isEqualTo(answer(0, 1, 0, 0, 0));

        assertPaymentsIncident();
    }

    private void assertPaymentsIncident() {
        assertThat(server.text("SELECT environment || '/' || severity FROM incident WHERE id = 'pagerduty:Q2RJ7KXW9'"))
                .isEqualTo("production/P1");
        JsonObject payments = kpis("application=payments-api");
        // detected 09:12 − created 09:00 = 720 s; resolved 10:00 − 09:00 = 3,600 s
        assertThat(payments.getAsJsonObject("timeToDetect").get("meanSeconds").getAsDouble()).isEqualTo(720);
        assertThat(payments.getAsJsonObject("timeToResolve").get("meanSeconds").getAsDouble()).isEqualTo(3_600);
        assertThat(payments.getAsJsonObject("availability").get("ratio").getAsDouble())
                .isCloseTo(1 - 3_600 / WINDOW_SECONDS, within(1e-12));
    }

    @Test
    void opsgenieCreateAcknowledgeCloseGiveStartDetectionAndResolution() {
        assertThat(json(hook("opsgenie", fixture("opsgenie-create.json")))).isEqualTo(answer(1, 0, 0, 0, 0));
        assertThat(json(hook("opsgenie", fixture("opsgenie-acknowledge.json")))).isEqualTo(answer(0, 0, 1, 0, 0));
        assertThat(json(hook("opsgenie", fixture("opsgenie-addnote.json")))).isEqualTo(answer(0, 0, 0, 0, 1));
        assertThat(json(hook("opsgenie", fixture("opsgenie-close.json")))).isEqualTo(answer(0, 0, 1, 0, 0));
        assertThat(json(hook("opsgenie", fixture("opsgenie-close.json")))).isEqualTo(answer(0, 1, 0, 0, 0));

        // createdAt 1769349600000 ms = 2026-01-25T14:00Z; updatedAt in nanoseconds: ack 14:05Z, close 16:00Z
        assertThat(server.text("SELECT application || '/' || environment || '/' || severity FROM incident WHERE id = "
                + "'opsgenie:8e3c2f1a-6b7d-4e9f-a0b1-c2d3e4f5a6b7-1769349600000'")).isEqualTo("search/production/P2");
        JsonObject search = kpis("application=search");
        // detected 300 s, resolved 2 h = 7,200 s after the start
        assertThat(search.getAsJsonObject("timeToDetect").get("meanSeconds").getAsDouble()).isEqualTo(300);
        assertThat(search.getAsJsonObject("timeToResolve").get("meanSeconds").getAsDouble()).isEqualTo(7_200);
        assertThat(search.getAsJsonObject("availability").get("ratio").getAsDouble())
                .isCloseTo(1 - 7_200 / WINDOW_SECONDS, within(1e-12));
    }

    static Stream<Arguments> badPayloads() {
        return Stream.of(
                bad("alertmanager", "alertmanager-firing.json", p -> p.addProperty("version", "5"), "version", "'5'"),
                bad("alertmanager", "alertmanager-firing.json", p -> alert(p, 1).addProperty("startsAt", "yesterday"),
                        "alerts[1].startsAt", "'yesterday'"),
                bad("alertmanager", "alertmanager-firing.json", p -> alert(p, 0).addProperty("status", "pending"),
                        "alerts[0].status", "'pending'"),
                bad("alertmanager", "alertmanager-firing.json", p -> alert(p, 2).remove("fingerprint"),
                        "alerts[2].fingerprint", "missing"),
                bad("alertmanager", "alertmanager-firing.json", p -> p.add("alerts", new JsonPrimitive("none")),
                        "alerts", "'none'"),
                bad("alertmanager", "alertmanager-resolved.json",
                        p -> alert(p, 0).addProperty("endsAt", "2026-01-10T09:00:00Z"), "alerts[0].endsAt",
                        "2026-01-10T09:00:00Z"),
                // three days after the server's clock (2026-02-01T12:00Z): refused by the events' rule
                bad("alertmanager", "alertmanager-firing.json",
                        p -> alert(p, 1).addProperty("startsAt", "2026-02-04T12:00:00Z"), "alerts[1].startsAt",
                        "2026-02-04T12:00:00Z"),
                bad("pagerduty", "pagerduty-triggered.json",
                        p -> p.getAsJsonObject("event").getAsJsonObject("data").addProperty("created_at", "soon"),
                        "event.data.created_at", "'soon'"),
                bad("pagerduty", "pagerduty-acknowledged.json",
                        p -> p.getAsJsonObject("event").addProperty("occurred_at", "2026-01-20T08:00:00Z"),
                        "event.occurred_at", "2026-01-20T08:00:00Z"),
                bad("pagerduty", "pagerduty-triggered.json", p -> p.remove("event"), "event", "missing"),
                bad("opsgenie", "opsgenie-create.json",
                        p -> p.getAsJsonObject("alert").addProperty("createdAt", "1769349600000"), "alert.createdAt",
                        "'1769349600000'"),
                bad("opsgenie", "opsgenie-close.json", p -> p.getAsJsonObject("alert").remove("alertId"),
                        "alert.alertId", "missing"));
    }

    private static Arguments bad(String tool, String fixture, Consumer<JsonObject> change, String field,
            String shown) {
        JsonObject payload = fixture(fixture);
        change.accept(payload);
        return Arguments.of(tool, payload.toString(), field, shown);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("badPayloads")
    void refusesABadPayloadNamingTheFieldAndValueAndStoresNothing(String tool, String payload, String field,
            String shown) {
        HttpResponse<String> response = server.postTo("/api/v1/hooks/" + tool, payload, BEARER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = json(response).getAsJsonArray("errors").get(0).getAsJsonObject();
        assertThat(error.get("field").getAsString()).isEqualTo(field);
        assertThat(error.get("message").getAsString()).contains(shown);
        assertThat(server.storedEvents()).isZero();
        assertThat(json(server.get("/api/v1/hooks/unmapped")).get("count").getAsLong()).isZero();
    }

    @Test
    void refusesABodyThatIsNotJson() {
        HttpResponse<String> response = server.postTo("/api/v1/hooks/alertmanager", "{\"alerts\": [", BEARER);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString())
                .isEqualTo("body");
    }

    @Test
    void refusesWithoutTheWriteTokenAndNeverTakesItFromTheUrl() {
        String payload = fixture("alertmanager-firing.json").toString();

        HttpResponse<String> none = server.postTo("/api/v1/hooks/alertmanager", payload, null);
        HttpResponse<String> wrong = server.postTo("/api/v1/hooks/pagerduty",
                fixture("pagerduty-triggered.json").toString(), "Bearer wrong");
        HttpResponse<String> inUrl = server.postTo("/api/v1/hooks/alertmanager?token=" + TestServer.TOKEN, payload,
                null);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(inUrl.statusCode()).isEqualTo(401);
        assertThat(inUrl.body()).doesNotContain(TestServer.TOKEN);
        assertThat(server.storedEvents()).isZero();
        assertThat(json(server.get("/api/v1/hooks/unmapped")).get("count").getAsLong()).isZero();
    }

    @Test
    void acceptsTheHookTokenInTheQueryForTheHooksOnly() {
        server.close();
        server = TestServer.start(new HookOptions("hook-secret-1", HookMappings.defaults()));
        String payload = fixture("opsgenie-create.json").toString();

        HttpResponse<String> wrong = server.postTo("/api/v1/hooks/opsgenie?token=hook-secret-2", payload, null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("hook-secret");
        assertThat(server.storedEvents()).isZero();
        HttpResponse<String> events = server.postTo("/api/v1/events?token=hook-secret-1", Events.INCIDENT, null);
        assertThat(events.statusCode()).isEqualTo(401);
        assertThat(server.post(Events.INCIDENT, "Bearer hook-secret-1").statusCode()).isEqualTo(401);

        HttpResponse<String> right = server.postTo("/api/v1/hooks/opsgenie?token=hook-secret-1", payload, null);

        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        assertThat(server.rows("incident")).isEqualTo(1);
    }

    @Test
    void countsAndListsUnmappedAlertsWithTheFieldsLookedAt() {
        hook("alertmanager", fixture("alertmanager-firing.json"));
        JsonObject pagerduty = fixture("pagerduty-triggered.json");
        pagerduty.getAsJsonObject("event").getAsJsonObject("data").getAsJsonObject("service").remove("summary");
        assertThat(json(hook("pagerduty", pagerduty))).isEqualTo(answer(0, 0, 0, 1, 0));
        hook("alertmanager", fixture("alertmanager-resolved.json"));

        JsonObject unmapped = json(server.get("/api/v1/hooks/unmapped"));

        assertThat(unmapped.get("count").getAsLong()).isEqualTo(3);
        assertThat(unmapped.getAsJsonObject("counts").get("alertmanager").getAsLong()).isEqualTo(2);
        assertThat(unmapped.getAsJsonObject("counts").get("pagerduty").getAsLong()).isEqualTo(1);
        JsonArray alerts = unmapped.getAsJsonArray("alerts");
        assertThat(alerts).hasSize(2);
        JsonObject disk = alerts.get(0).getAsJsonObject();
        assertThat(disk.get("source").getAsString()).isEqualTo("alertmanager");
        assertThat(disk.get("id").getAsString()).isEqualTo("alertmanager:0c9d8e7f6a5b4c3d:2026-01-14T06:30:00Z");
        assertThat(disk.get("summary").getAsString()).isEqualTo("DiskAlmostFull");
        assertThat(disk.get("times").getAsInt()).isEqualTo(2);
        assertThat(disk.get("reason").getAsString()).contains("labels.application, labels.service");
        assertThat(disk.getAsJsonObject("looked").keySet()).containsExactly("labels.application", "labels.service",
                "labels.environment", "labels.env");
        assertThat(disk.getAsJsonObject("looked").get("labels.service").isJsonNull()).isTrue();
        assertThat(alerts.get(1).getAsJsonObject().get("id").getAsString()).isEqualTo("pagerduty:Q2RJ7KXW9");
        assertThat(server.rows("incident")).isEqualTo(2);
    }

    @Test
    void keepsTheLastHundredUnmappedAlertsAndCountsAll() {
        JsonObject payload = fixture("alertmanager-firing.json");
        JsonObject disk = alert(payload, 2);
        JsonArray many = new JsonArray();
        for (int i = 0; i < 101; i++) {
            JsonObject copy = disk.deepCopy();
            copy.addProperty("fingerprint", String.format("f%015d", i));
            many.add(copy);
        }
        payload.add("alerts", many);

        assertThat(json(hook("alertmanager", payload))).isEqualTo(answer(0, 0, 0, 101, 0));

        JsonObject unmapped = json(server.get("/api/v1/hooks/unmapped"));
        assertThat(unmapped.get("count").getAsLong()).isEqualTo(101);
        JsonArray alerts = unmapped.getAsJsonArray("alerts");
        assertThat(alerts).hasSize(100);
        assertThat(alerts.get(0).getAsJsonObject().get("id").getAsString()).startsWith("alertmanager:f000000000000100:");
        assertThat(alerts.get(99).getAsJsonObject().get("id").getAsString()).startsWith("alertmanager:f000000000000001:");
    }

    @Test
    void aConfiguredMappingReadsOtherLabelsAndCanRequireAnEnvironment() {
        server.close();
        Properties keys = new Properties();
        keys.setProperty("alertmanager.application", "labels.job");
        keys.setProperty("alertmanager.environment", "labels.namespace");
        keys.setProperty("alertmanager.defaultEnvironment", "");
        server = TestServer.start(new HookOptions(null, HookMappings.parse(keys)));
        JsonObject payload = fixture("alertmanager-firing.json");
        alert(payload, 0).getAsJsonObject("labels").addProperty("namespace", "shop-prod");

        // shop's alert has job and namespace; cart's and the disk's have no namespace and there is no default
        assertThat(json(hook("alertmanager", payload))).isEqualTo(answer(1, 0, 0, 2, 0));

        assertThat(server.text("SELECT application || '/' || environment FROM incident")).isEqualTo("shop/shop-prod");
        JsonObject cart = json(server.get("/api/v1/hooks/unmapped")).getAsJsonArray("alerts").get(1).getAsJsonObject();
        assertThat(cart.get("reason").getAsString()).startsWith("no environment");
        assertThat(cart.getAsJsonObject("looked").get("labels.job").getAsString()).isEqualTo("cart");
    }

    private HttpResponse<String> hook(String tool, JsonObject payload) {
        return server.postTo("/api/v1/hooks/" + tool, payload.toString(), BEARER);
    }

    private JsonObject kpis(String scope) {
        HttpResponse<String> response = server.get("/api/v1/kpis?" + scope + WINDOW);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonObject answer(int accepted, int duplicates, int updated, int unmapped, int ignored) {
        JsonObject answer = new JsonObject();
        answer.addProperty("accepted", accepted);
        answer.addProperty("duplicates", duplicates);
        answer.addProperty("updated", updated);
        answer.addProperty("unmapped", unmapped);
        answer.addProperty("ignored", ignored);
        return answer;
    }

    private static JsonObject alert(JsonObject payload, int index) {
        return payload.getAsJsonArray("alerts").get(index).getAsJsonObject();
    }

    private static JsonArray single(JsonElement element) {
        JsonArray array = new JsonArray();
        array.add(element);
        return array;
    }

    static JsonObject fixture(String name) {
        try (InputStream in = HooksApiTest.class.getResourceAsStream("hooks/" + name)) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
