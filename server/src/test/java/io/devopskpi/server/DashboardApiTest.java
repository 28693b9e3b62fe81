package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.devopskpi.core.kpi.KpiSettings;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard's JSON endpoints over real HTTP. The scenario, in January 2026 (the server's clock reads
 * Feb 1 12:00): shop is delivered by acme/web and operated by northwind/ops (a supplier that only operates);
 * d1 SUCCESS Jan 5, d2 FAILURE Jan 12 10:00, d3 SUCCESS Jan 12 11:00; incident i1 Jan 13 09:00–10:00 without a
 * cause (22 h after d3: it makes d3 a failed change), i2 open since Jan 31 12:00; an unassigned application whose
 * name is markup deployed Jan 20.
 */
class DashboardApiTest {
    static final String MARKUP = "<script>alert(\"x\")</script>";
    static final String JANUARY = "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
        DashboardEvents events = new DashboardEvents();
        events.assignment("shop", "acme", "web", "DELIVERY", "2025-01-01T00:00:00Z");
        events.assignment("shop", "northwind", "ops", "OPERATIONS", "2025-01-01T00:00:00Z");
        JsonObject d1 = events.deployment("d1", "shop", "2026-01-05T10:00:00Z", "SUCCESS");
        d1.add("changes", com.google.gson.JsonParser.parseString(
                "[{\"id\": \"c1\", \"committed\": \"2026-01-05T08:00:00Z\"}]"));
        events.deployment("d2", "shop", "2026-01-12T10:00:00Z", "FAILURE");
        events.deployment("d3", "shop", "2026-01-12T11:00:00Z", "SUCCESS");
        events.incident("i1", "shop", "2026-01-13T09:00:00Z", "2026-01-13T09:20:00Z", "2026-01-13T10:00:00Z");
        events.incident("i2", "shop", "2026-01-31T12:00:00Z", null, null);
        events.deployment("m1", MARKUP, "2026-01-20T10:00:00Z", "SUCCESS");
        events.postTo(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonObject ok(String pathAndQuery) {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return json(response);
    }

    private static List<String> strings(JsonArray array, String field) {
        List<String> values = new ArrayList<>();
        for (JsonElement item : array) {
            values.add(item.getAsJsonObject().get(field).getAsString());
        }
        return values;
    }

    @Test
    void trendBucketsAreIsoWeeksClippedToTheWindowEachWithTheKpisOfItsOwnWindow() {
        JsonObject trend = ok("/api/v1/trends?" + JANUARY);

        assertThat(trend.get("bucket").getAsString()).isEqualTo("week");
        assertThat(trend.getAsJsonObject("scope").toString()).isEqualTo("{\"environment\":\"production\"}");
        JsonArray buckets = trend.getAsJsonArray("buckets");
        // Jan 1 2026 is a Thursday: the first ISO week (from Monday Dec 29) is clipped to the window's start
        assertThat(strings(buckets, "from")).containsExactly("2026-01-01T00:00:00Z", "2026-01-05T00:00:00Z",
                "2026-01-12T00:00:00Z", "2026-01-19T00:00:00Z", "2026-01-26T00:00:00Z");
        assertThat(strings(buckets, "to")).containsExactly("2026-01-05T00:00:00Z", "2026-01-12T00:00:00Z",
                "2026-01-19T00:00:00Z", "2026-01-26T00:00:00Z", "2026-02-01T00:00:00Z");
        // week of Jan 12: d3 is the one SUCCESS; d2 (FAILURE) and d3 (i1 22 h later) are both failed changes
        JsonObject third = buckets.get(2).getAsJsonObject().getAsJsonObject("kpis");
        assertThat(third.getAsJsonObject("deploymentFrequency").get("deployments").getAsInt()).isEqualTo(1);
        assertThat(third.getAsJsonObject("changeFailureRate").get("failed").getAsInt()).isEqualTo(2);
        assertThat(third.getAsJsonObject("changeFailureRate").get("total").getAsInt()).isEqualTo(2);
        for (JsonElement bucket : buckets) {
            assertBucketIsKpisOfItsWindow(bucket.getAsJsonObject(), "");
        }
    }

    @Test
    void monthBucketsAreAlignedToCalendarMonthsInTheQueryZone() {
        String zone = "&zone=Europe/Berlin&application=shop";
        JsonObject trend = ok("/api/v1/trends?from=2025-12-15T00:00:00Z&to=2026-02-01T00:00:00Z&bucket=month" + zone);

        JsonArray buckets = trend.getAsJsonArray("buckets");
        // midnight in Berlin (UTC+1 in winter) is 23:00 UTC the day before
        assertThat(strings(buckets, "from")).containsExactly("2025-12-15T00:00:00Z", "2025-12-31T23:00:00Z",
                "2026-01-31T23:00:00Z");
        assertThat(strings(buckets, "to")).containsExactly("2025-12-31T23:00:00Z", "2026-01-31T23:00:00Z",
                "2026-02-01T00:00:00Z");
        for (JsonElement bucket : buckets) {
            assertBucketIsKpisOfItsWindow(bucket.getAsJsonObject(), zone);
        }
    }

    private void assertBucketIsKpisOfItsWindow(JsonObject bucket, String query) {
        JsonObject kpis = ok("/api/v1/kpis?from=" + bucket.get("from").getAsString() + "&to="
                + bucket.get("to").getAsString() + query);
        kpis.remove("scope");
        kpis.remove("window");
        assertThat(bucket.getAsJsonObject("kpis")).as(bucket.get("from").getAsString()).isEqualTo(kpis);
    }

    @Test
    void listsApplicationsByNameWithTheirOwnersAndMarkupVerbatim() {
        JsonObject answer = ok("/api/v1/applications?" + JANUARY);

        assertThat(answer.get("total").getAsInt()).isEqualTo(2);
        assertThat(answer.get("offset").getAsInt()).isZero();
        assertThat(answer.get("limit").getAsInt()).isEqualTo(100);
        JsonArray applications = answer.getAsJsonArray("applications");
        // '<' sorts before 's'; the name comes back exactly as sent: escaping is the page's job
        assertThat(strings(applications, "application")).containsExactly(MARKUP, "shop");
        JsonObject shop = applications.get(1).getAsJsonObject();
        assertThat(shop.getAsJsonObject("delivery").toString()).isEqualTo("{\"team\":\"web\",\"supplier\":\"acme\"}");
        assertThat(shop.getAsJsonObject("operations").toString())
                .isEqualTo("{\"team\":\"ops\",\"supplier\":\"northwind\"}");
        assertThat(shop.get("deployments").getAsInt()).isEqualTo(2); // d1, d3
        assertThat(shop.get("lastDeployment").getAsString()).isEqualTo("2026-01-12T11:00:00Z");
        JsonObject markup = applications.get(0).getAsJsonObject();
        assertThat(markup.getAsJsonObject("delivery").toString())
                .isEqualTo("{\"team\":\"unassigned\",\"supplier\":\"unassigned\"}");

        assertThat(strings(ok("/api/v1/applications?supplier=northwind&" + JANUARY).getAsJsonArray("applications"),
                "application")).containsExactly("shop");
    }

    @Test
    void listsTeamsWithTheirApplications() {
        JsonObject answer = ok("/api/v1/teams?" + JANUARY);

        assertThat(answer.getAsJsonArray("teams").toString()).isEqualTo("[{\"team\":\"ops\",\"applications\":"
                + "[\"shop\"]},{\"team\":\"unassigned\",\"applications\":[\"<script>alert(\\\"x\\\")</script>\"]},"
                + "{\"team\":\"web\",\"applications\":[\"shop\"]}]");
        assertThat(answer.get("total").getAsInt()).isEqualTo(3);
    }

    @Test
    void listsEverySupplierWithAnApplicationIncludingOneThatOnlyOperatesAndUnassigned() {
        JsonObject answer = ok("/api/v1/suppliers?" + JANUARY);

        assertThat(answer.get("environment").getAsString()).isEqualTo("production");
        assertThat(answer.getAsJsonObject("window").get("from").getAsString()).isEqualTo("2026-01-01T00:00:00Z");
        JsonArray suppliers = answer.getAsJsonArray("suppliers");
        assertThat(strings(suppliers, "supplier")).containsExactly("acme", "northwind", "unassigned");
        JsonObject northwind = suppliers.get(1).getAsJsonObject();
        assertThat(northwind.getAsJsonArray("targets")).isEmpty();
        assertThat(northwind.getAsJsonArray("verdicts")).isEmpty();
        JsonObject kpis = northwind.getAsJsonObject("kpis");
        // northwind delivers nothing, operates shop: i1 down 1 h, i2 down Jan 31 12:00 → Feb 1 00:00 = 12 h
        assertThat(kpis.getAsJsonObject("deploymentFrequency").get("deployments").getAsInt()).isZero();
        assertThat(kpis.getAsJsonObject("availability").get("applications").getAsInt()).isEqualTo(1);
        assertThat(kpis.getAsJsonObject("availability").get("downtimeSeconds").getAsDouble()).isEqualTo(46_800.0);
        // d3's restore belongs to its delivery side (acme), not to i1's operator; northwind's own figure is time
        // to resolve i1: 09:00 → resolved 10:00
        assertThat(kpis.getAsJsonObject("timeToRestore").get("count").getAsInt()).isZero();
        assertThat(kpis.getAsJsonObject("timeToResolve").get("meanSeconds").getAsDouble()).isEqualTo(3_600.0);
        assertThat(northwind.getAsJsonArray("responsibilities").toString()).isEqualTo("[\"OPERATIONS\"]");
        for (JsonElement supplier : suppliers) {
            JsonObject expected = ok("/api/v1/kpis?" + JANUARY + "&supplier="
                    + supplier.getAsJsonObject().get("supplier").getAsString());
            expected.remove("scope"); // the entry names its supplier; its kpis keep their window, as /kpis does
            assertThat(supplier.getAsJsonObject().getAsJsonObject("kpis")).isEqualTo(expected);
        }
    }

    @Test
    void listsDeploymentsNewestFirstWithTheirFailedChangeVerdicts() {
        JsonObject answer = ok("/api/v1/deployments?" + JANUARY);

        JsonArray deployments = answer.getAsJsonArray("deployments");
        assertThat(strings(deployments, "id")).containsExactly("m1", "d3", "d2", "d1");
        assertThat(answer.get("total").getAsInt()).isEqualTo(4);
        // d2 failed at its finish (10:00), d3 restored it at 11:00
        assertThat(deployments.get(2).toString()).isEqualTo("{\"id\":\"d2\",\"application\":\"shop\","
                + "\"environment\":\"production\",\"started\":\"2026-01-12T09:50:00Z\","
                + "\"finished\":\"2026-01-12T10:00:00Z\",\"result\":\"FAILURE\",\"kind\":\"NORMAL\","
                + "\"revision\":null,\"pipeline\":null,\"url\":null,\"imported\":false,\"team\":\"web\","
                + "\"supplier\":\"acme\",\"changes\":0,\"failedChange\":true,\"failureReasons\":[\"FAILED_RESULT\"],"
                + "\"restoreSeconds\":3600.0}");
        JsonObject d1 = deployments.get(3).getAsJsonObject();
        assertThat(d1.get("changes").getAsInt()).isEqualTo(1);
        assertThat(d1.get("failedChange").getAsBoolean()).isFalse();
        assertThat(d1.get("restoreSeconds").isJsonNull()).isTrue();

        JsonObject page = ok("/api/v1/deployments?supplier=acme&offset=1&limit=2&" + JANUARY);
        assertThat(strings(page.getAsJsonArray("deployments"), "id")).containsExactly("d2", "d1");
        assertThat(page.get("total").getAsInt()).isEqualTo(3);
        assertThat(page.get("offset").getAsInt()).isEqualTo(1);
        assertThat(page.get("limit").getAsInt()).isEqualTo(2);
        assertThat(ok("/api/v1/deployments?offset=10&" + JANUARY).getAsJsonArray("deployments")).isEmpty();
    }

    @Test
    void listsFailedChangesWithReasonsAndWhoOwnsTheRestore() {
        JsonObject answer = ok("/api/v1/failed-changes?" + JANUARY);

        JsonArray failed = answer.getAsJsonArray("failedChanges");
        assertThat(answer.get("total").getAsInt()).isEqualTo(2);
        assertThat(strings(failed, "deployment")).containsExactly("d2", "d3");
        // d3: failure start i1.started 09:00, restored at i1.resolved 10:00; the restore is acme's, d3's delivery
        // side (metrics.md), although northwind resolved i1
        assertThat(failed.get(1).toString()).isEqualTo("{\"deployment\":\"d3\",\"application\":\"shop\","
                + "\"finished\":\"2026-01-12T11:00:00Z\",\"failureStart\":\"2026-01-13T09:00:00Z\","
                + "\"restored\":\"2026-01-13T10:00:00Z\",\"restoreSeconds\":3600.0,"
                + "\"reasons\":[\"INCIDENT_WITHIN_HORIZON\"],\"linkingIncident\":\"i1\",\"deliveryTeam\":\"web\","
                + "\"deliverySupplier\":\"acme\",\"restoreTeam\":\"web\",\"restoreSupplier\":\"acme\"}");
        assertThat(strings(ok("/api/v1/failed-changes?offset=1&limit=1&" + JANUARY)
                .getAsJsonArray("failedChanges"), "deployment")).containsExactly("d3");
    }

    @Test
    void listsIncidentsByOperationsAttributionNewestFirst() {
        JsonObject answer = ok("/api/v1/incidents?supplier=northwind&" + JANUARY);

        JsonArray incidents = answer.getAsJsonArray("incidents");
        assertThat(strings(incidents, "id")).containsExactly("i2", "i1");
        assertThat(incidents.get(1).toString()).isEqualTo("{\"id\":\"i1\",\"application\":\"shop\","
                + "\"environment\":\"production\",\"started\":\"2026-01-13T09:00:00Z\","
                + "\"detected\":\"2026-01-13T09:20:00Z\",\"resolved\":\"2026-01-13T10:00:00Z\",\"severity\":null,"
                + "\"severityLevel\":\"unknown\",\"cause\":null,\"team\":\"ops\",\"supplier\":\"northwind\",\"detectSeconds\":1200.0,"
                + "\"durationSeconds\":3600.0}");
        assertThat(incidents.get(0).getAsJsonObject().get("durationSeconds").isJsonNull()).isTrue();
        assertThat(ok("/api/v1/incidents?supplier=acme&" + JANUARY).get("total").getAsInt()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/deployments?limit=501|limit|from 0 to 500, got '501'",
            "/api/v1/incidents?offset=-1|offset|whole number",
            "/api/v1/applications?limit=ten|limit|'ten'",
            "/api/v1/failed-changes?offset=1e3|offset|'1e3'",
            "/api/v1/suppliers?supplier=acme|supplier|unknown query parameter 'supplier'",
            "/api/v1/teams?team=web|team|unknown query parameter 'team'",
            "/api/v1/applications?application=shop|application|unknown query parameter 'application'",
            "/api/v1/trends?bucket=day|bucket|week or month, got 'day'",
            "/api/v1/trends?limit=5|limit|unknown query parameter 'limit'",
            "/api/v1/export.csv?page=2|page|unknown query parameter 'page'",
            "/metrics?name=x|name|unknown query parameter 'name'",
            "/api/v1/deployments?window=P1D&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z|window|not both"})
    void refusesBadParametersNamingTheField(String pathAndQuery, String field, String message) {
        HttpResponse<String> response = server.get(pathAndQuery);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = json(response).getAsJsonArray("errors").get(0).getAsJsonObject();
        assertThat(error.get("field").getAsString()).isEqualTo(field);
        assertThat(error.get("message").getAsString()).contains(message);
    }

    @Test
    void reportsEveryBadPartOfARequestAtOnce() {
        HttpResponse<String> response = server.get("/api/v1/deployments?zone=Mars&limit=900&offset=x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(strings(json(response).getAsJsonArray("errors"), "field")).containsExactly("zone", "offset",
                "limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/trends", "/api/v1/applications", "/api/v1/teams", "/api/v1/suppliers",
            "/api/v1/deployments", "/api/v1/failed-changes", "/api/v1/incidents", "/api/v1/export.csv", "/metrics"})
    void requiresTheReadTokenWhenOneIsConfigured(String path) {
        var store = TestServer.freshStore();
        try (TestServer guarded = TestServer.start(store, new ServerOptions("127.0.0.1", 0, store, TestServer.TOKEN,
                "read-token", TestServer.CLOCK, KpiSettings.defaults()))) {
            assertThat(guarded.get(path).statusCode()).isEqualTo(401);
            assertThat(guarded.send(HttpRequest.newBuilder(guarded.uri(path))
                    .header("Authorization", "Bearer read-token").build()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void scopesByAnEncodedName() {
        String name = URLEncoder.encode(MARKUP, StandardCharsets.UTF_8);

        JsonObject answer = ok("/api/v1/deployments?application=" + name + "&" + JANUARY);

        assertThat(strings(answer.getAsJsonArray("deployments"), "application")).containsExactly(MARKUP);
    }
}
