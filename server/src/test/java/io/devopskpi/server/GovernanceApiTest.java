package io.devopskpi.server;

import static io.devopskpi.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The governance reads of GOVERNANCE-CONTRACT.md over {@link GovernanceFixture}. */
class GovernanceApiTest {
    private static final String JANUARY = "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";
    private static TestServer server;

    @BeforeAll
    static void seed() {
        server = GovernanceFixture.seededServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject ok(String pathAndQuery) {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> errorFields(String pathAndQuery) {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(response).getAsJsonArray("errors").forEach(e -> fields.add(e.getAsJsonObject().get("field")
                .getAsString()));
        return fields;
    }

    private static JsonObject kpi(JsonObject scorecard, String metric) {
        for (JsonElement element : scorecard.getAsJsonArray("kpis")) {
            if (element.getAsJsonObject().get("metric").getAsString().equals(metric)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + metric);
    }

    @Test
    void listsAssignmentsTargetsSurveysAndTags() {
        JsonArray shop = ok("/api/v1/assignments?application=shop").getAsJsonArray("assignments");
        assertThat(shop).hasSize(2);
        assertThat(shop.get(0).getAsJsonObject().get("supplier").getAsString()).isEqualTo("acme");
        assertThat(shop.get(1).getAsJsonObject().get("responsibility").getAsString()).isEqualTo("OPERATIONS");
        assertThat(ok("/api/v1/assignments").getAsJsonArray("assignments")).hasSize(3);

        JsonArray targets = ok("/api/v1/targets?supplier=acme").getAsJsonArray("targets");
        assertThat(targets).hasSize(2);
        JsonObject restore = targets.get(1).getAsJsonObject();
        // "12h" is stored as 43,200 s; no applications: all of acme's
        assertThat(restore.get("value").getAsDouble()).isEqualTo(43_200);
        assertThat(restore.get("applications").isJsonNull()).isTrue();
        assertThat(restore.get("to").isJsonNull()).isTrue();

        // both surveys overlap Dec 15 .. Jan 15: (4.0 × 10 + 3.0 × 30) ÷ 40 = 130 ÷ 40 = 3.25
        JsonObject surveys = ok("/api/v1/surveys?supplier=acme&from=2025-12-15T00:00:00Z&to=2026-01-15T00:00:00Z");
        assertThat(surveys.getAsJsonArray("surveys")).hasSize(2);
        assertThat(surveys.getAsJsonObject("satisfaction").get("mean").getAsDouble()).isEqualTo(3.25);
        assertThat(surveys.getAsJsonObject("satisfaction").get("respondents").getAsInt()).isEqualTo(40);
        assertThat(ok("/api/v1/surveys?application=shop").getAsJsonArray("surveys")).hasSize(1);
        // an empty filter, as a form sends "any", is no filter
        assertThat(ok("/api/v1/surveys?supplier=acme&application=").getAsJsonArray("surveys")).hasSize(2);

        JsonArray applications = ok("/api/v1/applications?" + JANUARY).getAsJsonArray("applications");
        assertThat(applications.get(1).getAsJsonObject().get("application").getAsString()).isEqualTo("shop");
        assertThat(applications.get(1).getAsJsonObject().getAsJsonArray("tags").get(0).getAsString())
                .isEqualTo("web");
    }

    @Test
    void suppliersCarryTheTargetsInForceAndTheirVerdicts() {
        JsonArray suppliers = ok("/api/v1/suppliers?" + JANUARY).getAsJsonArray("suppliers");
        JsonObject acme = suppliers.get(1).getAsJsonObject();
        assertThat(acme.get("supplier").getAsString()).isEqualTo("acme");
        assertThat(acme.getAsJsonArray("targets")).hasSize(2);
        JsonObject success = acme.getAsJsonArray("verdicts").get(0).getAsJsonObject();
        // 8 of 10 succeeded: 0.8 exactly at ">= 0.8" with 10 samples → MET
        assertThat(success.get("actual").getAsDouble()).isEqualTo(0.8);
        assertThat(success.get("samples").getAsInt()).isEqualTo(10);
        assertThat(success.get("verdict").getAsString()).isEqualTo("MET");
        // both failures were restored a day later: mean 86,400 s > 43,200 s → MISSED
        JsonObject restore = acme.getAsJsonArray("verdicts").get(1).getAsJsonObject();
        assertThat(restore.get("actual").getAsDouble()).isEqualTo(86_400);
        assertThat(restore.get("verdict").getAsString()).isEqualTo("MISSED");
        // northwind has no targets; "=evil" is listed by its assignment
        assertThat(suppliers.get(0).getAsJsonObject().get("supplier").getAsString()).isEqualTo("=evil");
        assertThat(suppliers.get(2).getAsJsonObject().getAsJsonArray("verdicts")).isEmpty();
    }

    /** Issue 12 item 9: each entry's kpis carry their window, as /kpis does. */
    @Test
    void everySupplierEntryCarriesItsWindow() {
        JsonObject answer = ok("/api/v1/suppliers?" + JANUARY);
        JsonArray suppliers = answer.getAsJsonArray("suppliers");
        assertThat(suppliers).hasSize(3);
        for (JsonElement supplier : suppliers) {
            JsonObject window = supplier.getAsJsonObject().getAsJsonObject("kpis").getAsJsonObject("window");
            assertThat(window).isEqualTo(answer.getAsJsonObject("window"));
            assertThat(window.get("from").getAsString()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(window.get("to").getAsString()).isEqualTo("2026-02-01T00:00:00Z");
            assertThat(window.get("zone").getAsString()).isEqualTo("UTC");
        }
    }

    @Test
    void aMonthlyScorecardWithTargetsTrendAndBreakdown() {
        JsonObject card = ok("/api/v1/scorecards/acme?period=2026-01");
        assertThat(card.getAsJsonObject("period").get("from").getAsString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(card.get("zone").getAsString()).isEqualTo("UTC");
        assertThat(card.getAsJsonArray("responsibilities")).hasSize(1);
        JsonObject success = kpi(card, "changeSuccessRate");
        assertThat(success.get("value").getAsDouble()).isEqualTo(0.8);
        assertThat(success.get("verdict").getAsString()).isEqualTo("MET");
        assertThat(success.getAsJsonObject("target").get("minSamples").getAsInt()).isEqualTo(10);
        // Wilson interval of the failure rate 2/10 is [0.056682, 0.509838] (z = 1.959964: centre 0.283260,
        // half 0.226578); the success rate's is its complement
        assertThat(success.getAsJsonArray("ci95").get(0).getAsDouble()).isCloseTo(0.490162, within(1e-5));
        assertThat(success.getAsJsonObject("previous").get("samples").getAsInt()).isZero();
        assertThat(success.get("change").isJsonNull()).isTrue();
        assertThat(success.getAsJsonArray("trend")).hasSize(6);
        assertThat(success.getAsJsonArray("trend").get(0).getAsJsonObject().get("label").getAsString())
                .isEqualTo("2025-08");
        // acme's January survey of shop: 3.0 from 30 respondents; no target → NO_TARGET
        JsonObject satisfaction = kpi(card, "stakeholderSatisfaction");
        assertThat(satisfaction.get("value").getAsDouble()).isEqualTo(3.0);
        assertThat(satisfaction.get("samples").getAsInt()).isEqualTo(30);
        assertThat(satisfaction.get("verdict").getAsString()).isEqualTo("NO_TARGET");
        assertThat(satisfaction.get("ci95").isJsonNull()).isTrue();
        JsonObject breakdown = card.getAsJsonObject("breakdown");
        assertThat(breakdown.getAsJsonArray("applications").get(0).getAsJsonObject().get("responsibility")
                .getAsString()).isEqualTo("DELIVERY");
        JsonObject built = breakdown.getAsJsonObject("responsibilities").getAsJsonObject("DELIVERY");
        assertThat(built.getAsJsonObject("changeFailureRate").get("total").getAsInt()).isEqualTo(10);
        assertThat(built.get("availability").isJsonNull()).isTrue();
        JsonObject ran = breakdown.getAsJsonObject("responsibilities").getAsJsonObject("OPERATIONS");
        assertThat(ran.get("changeFailureRate").isJsonNull()).isTrue();
    }

    @Test
    void theScorecardAsCsvCannotRunFormulas() {
        HttpResponse<String> response = server.get("/api/v1/scorecards/acme.csv?period=2026-01");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        String[] lines = response.body().split("\r\n");
        assertThat(lines[0]).startsWith("supplier,period,from,to,environment,metric,applications,value")
                .endsWith("trend_2025-08,trend_2025-09,trend_2025-10,trend_2025-11,trend_2025-12,trend_2026-01");
        assertThat(lines[1]).startsWith("acme,2026-01,2026-01-01T00:00:00Z,2026-02-01T00:00:00Z,production,"
                + "changeSuccessRate,,0.8,");
        // a header, the 2 targeted metrics, the 6 standard ones without a target (time to resolve among them)
        assertThat(lines).hasSize(1 + 2 + 6);
        String evil = server.get("/api/v1/scorecards/%3Devil.csv?period=2026-01").body();
        assertThat(evil.split("\r\n")[1]).startsWith("'=evil,2026-01,");
    }

    @Test
    void comparesSuppliersLikeForLike() {
        JsonObject all = ok("/api/v1/comparison?" + JANUARY);
        assertThat(all.get("responsibility").getAsString()).isEqualTo("BOTH");
        assertThat(all.getAsJsonArray("suppliers")).hasSize(3);
        JsonObject web = ok("/api/v1/comparison?" + JANUARY + "&tag=web");
        assertThat(web.get("tag").getAsString()).isEqualTo("web");
        JsonArray suppliers = web.getAsJsonArray("suppliers");
        // calc is not tagged web: "=evil" drops out; northwind runs shop, so it stays (with no deployments)
        assertThat(suppliers).extracting(e -> e.getAsJsonObject().get("supplier").getAsString())
                .containsExactly("acme", "northwind");
        JsonObject difference = web.getAsJsonArray("differences").get(0).getAsJsonObject();
        assertThat(difference.get("metric").getAsString()).isEqualTo("changeFailureRate");
        assertThat(difference.get("significant").getAsBoolean()).isFalse();
        assertThat(difference.get("reason").getAsString()).isEqualTo("no data for northwind");
        // what they built: northwind built nothing and drops out; the incident-side KPIs are null
        JsonObject built = ok("/api/v1/comparison?" + JANUARY + "&tag=web&responsibility=DELIVERY");
        assertThat(built.getAsJsonArray("suppliers")).singleElement().satisfies(e -> {
            assertThat(e.getAsJsonObject().get("supplier").getAsString()).isEqualTo("acme");
            assertThat(e.getAsJsonObject().getAsJsonObject("kpis").get("timeToDetect").isJsonNull()).isTrue();
        });
        assertThat(built.getAsJsonArray("differences")).isEmpty();
    }

    /**
     * issue 12, filters that hold everywhere: {@code tag} on /kpis and /trends gives each supplier of a like-for-like
     * comparison the same figures as the comparison, and the trend's weeks add up to them.
     */
    @Test
    void kpisAndTrendsFollowTheComparisonsTag() {
        JsonObject comparison = ok("/api/v1/comparison?" + JANUARY + "&tag=web");
        for (JsonElement entry : comparison.getAsJsonArray("suppliers")) {
            String supplier = entry.getAsJsonObject().get("supplier").getAsString();
            JsonObject compared = entry.getAsJsonObject().getAsJsonObject("kpis");
            JsonObject kpis = ok("/api/v1/kpis?" + JANUARY + "&tag=web&supplier=" + supplier);
            for (String section : List.of("deploymentFrequency", "changeFailureRate", "timeToRestore",
                    "timeToDetect", "timeToResolve", "availability")) {
                assertThat(kpis.get(section)).as("%s %s", supplier, section).isEqualTo(compared.get(section));
            }
            JsonArray buckets = ok("/api/v1/trends?" + JANUARY + "&tag=web&bucket=month&supplier=" + supplier)
                    .getAsJsonArray("buckets");
            assertThat(buckets).hasSize(1);
            assertThat(buckets.get(0).getAsJsonObject().getAsJsonObject("kpis").get("changeFailureRate"))
                    .isEqualTo(compared.get("changeFailureRate"));
        }
        // everything tagged web is shop alone
        JsonObject web = ok("/api/v1/kpis?" + JANUARY + "&tag=web");
        JsonObject shop = ok("/api/v1/kpis?" + JANUARY + "&application=shop");
        for (String section : List.of("deploymentFrequency", "changeFailureRate", "availability")) {
            assertThat(web.get(section)).as(section).isEqualTo(shop.get(section));
        }
        // a tag no application has: no application, so no data (never everything)
        JsonObject none = ok("/api/v1/kpis?" + JANUARY + "&tag=nothing-has-this");
        assertThat(none.getAsJsonObject("deploymentFrequency").get("deployments").getAsInt()).isZero();
        assertThat(none.getAsJsonObject("availability").get("ratio").isJsonNull()).isTrue();
    }

    @Test
    void badParametersAreNamed() {
        assertThat(errorFields("/api/v1/scorecards/acme?period=2026-Q5&zone=Mars/Base")).containsExactly("zone",
                "period");
        assertThat(errorFields("/api/v1/scorecards/acme?period=2026-Q3")).containsExactly("period");
        assertThat(errorFields("/api/v1/comparison?responsibility=SOME")).containsExactly("responsibility");
        assertThat(errorFields("/api/v1/targets?suplier=acme")).containsExactly("suplier");
        assertThat(errorFields("/api/v1/surveys?window=P30D&team=x")).containsExactly("team");
    }

    @Test
    void theDefaultPeriodIsTheLastCompleteQuarter() {
        // the server's clock is 2026-02-01: the last complete quarter is 2025-Q4
        assertThat(ok("/api/v1/scorecards/acme").getAsJsonObject("period").get("label").getAsString())
                .isEqualTo("2025-Q4");
    }
}
