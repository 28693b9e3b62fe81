package io.jenkins.plugins.devopskpi.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.hooks.AlertSource;
import io.devopskpi.core.hooks.HookMappings;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's {@code /devops-kpi/hooks/<tool>} over a real embedded store, with the recorded payloads of the
 * server's hook tests (Alertmanager, PagerDuty), through the method Stapler calls with the request's parts
 * ({@link HookEndpoint#answer}): who may post, what is stored, and that a refused call stores nothing.
 */
class KpiHooksTest {
    private static final Path FIXTURES = Path.of("..", "server", "src", "test", "resources", "io", "devopskpi",
            "server", "hooks");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String TOKEN = "hook-token-7Qx";

    @TempDir
    Path work;
    private EmbeddedKpis kpis;
    private String token = TOKEN;
    private HookMappings mappings = HookMappings.defaults();
    private HookEndpoint endpoint;

    @BeforeEach
    void openStore() throws Exception {
        kpis = new EmbeddedKpis(StoreConfig.embedded(work.resolve("store")), KpiSettings::defaults,
                new Outbox(work.resolve("queue")), CLOCK);
        endpoint = new KpiHooks(() -> token, () -> kpis, () -> mappings, CLOCK).endpoint();
    }

    @AfterEach
    void closeStore() {
        kpis.close();
    }

    private HookEndpoint.Answer post(String tool, String authorization, String query, String fixture)
            throws Exception {
        byte[] body = Files.readAllBytes(FIXTURES.resolve(fixture));
        return endpoint.answer("POST", "/" + tool, authorization, query, "application/json", () -> body);
    }

    private static JsonObject json(HookEndpoint.Answer answer) {
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    private static String counts(HookEndpoint.Answer answer) {
        JsonObject o = json(answer);
        return o.get("accepted") + "/" + o.get("duplicates") + "/" + o.get("updated") + "/" + o.get("unmapped") + "/"
                + o.get("ignored");
    }

    @Test
    void alertmanagerOpensIncidentsIdempotentlyClosesThemAndCountsTheUnmappedOne() throws Exception {
        long unmappedBefore = KpiHooks.unmapped().count(AlertSource.ALERTMANAGER);

        HookEndpoint.Answer firing = post("alertmanager", "Bearer " + TOKEN, null, "alertmanager-firing.json");
        assertThat(firing.status()).as(firing.body()).isEqualTo(200);
        assertThat(counts(firing)).as("accepted/duplicates/updated/unmapped/ignored").isEqualTo("2/0/0/1/0");
        Incident shop = kpis.events().findIncident("alertmanager:5f1e2d3c4b5a6978:2026-01-10T10:00:00Z")
                .orElseThrow();
        assertThat(shop.application() + "/" + shop.environment()).isEqualTo("shop/production");
        assertThat(shop.resolved()).isNull();

        assertThat(counts(post("alertmanager", "Bearer " + TOKEN, null, "alertmanager-firing.json")))
                .as("a re-sent group stores nothing new").isEqualTo("0/2/0/1/0");
        HookEndpoint.Answer resolved = post("alertmanager", null, TOKEN, "alertmanager-resolved.json");
        assertThat(resolved.status()).as("the token in the query, for tools without headers").isEqualTo(200);
        assertThat(kpis.events().findIncident("alertmanager:5f1e2d3c4b5a6978:2026-01-10T10:00:00Z").orElseThrow()
                .resolved()).isEqualTo(Instant.parse("2026-01-10T11:30:00Z"));
        assertThat(kpis.events().countEvents()).isEqualTo(2);
        assertThat(KpiHooks.unmapped().count(AlertSource.ALERTMANAGER) - unmappedBefore)
                .as("the disk alert names no application: kept as unmapped, counted per receipt").isEqualTo(3);
        assertThat(KpiHooks.unmapped().recent()).anyMatch(a -> a.source() == AlertSource.ALERTMANAGER);
        JsonObject listed = JsonParser.parseString(HookEndpoint.unmapped(KpiHooks.unmapped())).getAsJsonObject();
        assertThat(listed.getAsJsonObject("counts").get("alertmanager").getAsLong())
                .isEqualTo(KpiHooks.unmapped().count(AlertSource.ALERTMANAGER));
        assertThat(listed.getAsJsonArray("alerts").toString()).contains("DiskAlmostFull").doesNotContain(TOKEN);
    }

    @Test
    void pagerDutyTriggeredThenResolvedIsOneIncident() throws Exception {
        assertThat(counts(post("pagerduty", "Bearer " + TOKEN, null, "pagerduty-triggered.json")))
                .isEqualTo("1/0/0/0/0");
        assertThat(counts(post("pagerduty", "bearer " + TOKEN, null, "pagerduty-resolved.json")))
                .isEqualTo("0/0/1/0/0");
        Incident incident = kpis.events().findIncident("pagerduty:Q2RJ7KXW9").orElseThrow();
        assertThat(incident.resolved()).isNotNull();
    }

    @Test
    void theMappingsOfTheConfigurationApply() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("alertmanager.application", "labels.job");
        mappings = HookMappings.parse(properties);

        HookEndpoint.Answer answer = post("alertmanager", "Bearer " + TOKEN, null, "alertmanager-firing.json");

        assertThat(counts(answer)).as("every alert has a job label").isEqualTo("3/0/0/0/0");
        assertThat(kpis.events().findIncident("alertmanager:5f1e2d3c4b5a6978:2026-01-10T10:00:00Z").orElseThrow()
                .application()).isEqualTo("shop");
    }

    @Test
    void theBodyOfACallerWithoutTheTokenIsNeverRead() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean read = new java.util.concurrent.atomic.AtomicBoolean();
        HookEndpoint.Answer refused = endpoint.answer("POST", "/alertmanager", "Bearer wrong", null,
                "application/json", () -> {
                    read.set(true);
                    return new byte[0];
                });

        assertThat(refused.status()).isEqualTo(401);
        assertThat(read).isFalse();
    }

    @Test
    void aCallWithoutTheRightTokenIsRefusedAndStoresNothing() throws Exception {
        HookEndpoint.Answer none = post("alertmanager", null, null, "alertmanager-firing.json");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.challenge()).isTrue();
        assertThat(json(none).get("error").getAsString()).contains("Authorization: Bearer").doesNotContain(TOKEN);
        assertThat(post("alertmanager", "Bearer " + TOKEN + "x", null, "alertmanager-firing.json").status())
                .isEqualTo(401);
        assertThat(post("alertmanager", "Basic " + TOKEN, "wrong", "alertmanager-firing.json").status())
                .isEqualTo(401);

        token = null;
        HookEndpoint.Answer off = post("alertmanager", "Bearer " + TOKEN, null, "alertmanager-firing.json");
        assertThat(off.status()).as("no token configured: the webhooks are off").isEqualTo(403);
        assertThat(json(off).get("error").getAsString()).contains("no webhook token is configured");

        assertThat(kpis.events().countEvents()).isZero();
    }

    @Test
    void badRequestsAreNamedAndStoreNothing() throws Exception {
        HookEndpoint.Answer bad = endpoint.answer("POST", "/alertmanager", "Bearer " + TOKEN, null,
                "application/json", () -> "{\"status\": \"firing\", \"alerts\": [{\"status\": \"firing\"}]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"alerts[0]");

        HookEndpoint.Answer notJson = endpoint.answer("POST", "/alertmanager", "Bearer " + TOKEN, null,
                "text/plain", () -> "x".getBytes(StandardCharsets.UTF_8));
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(endpoint.answer("GET", "/alertmanager", "Bearer " + TOKEN, null, null, () -> new byte[0])
                .status())
                .isEqualTo(405);
        HookEndpoint.Answer unknown = endpoint.answer("POST", "/nagios", "Bearer " + TOKEN, null, null,
                () -> new byte[0]);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("nagios");
        assertThat(endpoint.answer("POST", "/opsgenie", "Bearer " + TOKEN, null, null,
                () -> new byte[HookEndpoint.MAX_BODY + 1]).status()).isEqualTo(413);

        assertThat(kpis.events().countEvents()).isZero();
    }

    @Test
    void aStoreThatCannotBeOpenedIsA503() throws Exception {
        kpis.close();
        kpis = new EmbeddedKpis(StoreConfig.jdbc("jdbc:postgresql://127.0.0.1:1/none", "u", "p"),
                KpiSettings::defaults, new Outbox(work.resolve("queue2")), CLOCK);

        HookEndpoint.Answer answer = post("pagerduty", "Bearer " + TOKEN, null, "pagerduty-triggered.json");

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.body()).contains("KPIs are not available");
    }

    @Test
    void onlyTheHooksSkipTheCrumb() {
        assertThat(HookCrumbExclusion.excluded("/devops-kpi/hooks/alertmanager")).isTrue();
        assertThat(HookCrumbExclusion.excluded("/devops-kpi/api/v1/kpis")).isFalse();
        assertThat(HookCrumbExclusion.excluded("/devops-kpi/hooks/../history/start")).isFalse();
        assertThat(HookCrumbExclusion.excluded(null)).isFalse();
    }
}
