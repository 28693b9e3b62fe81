package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.devopskpi.core.store.Retention;
import io.devopskpi.core.store.StoreConfig;
import java.time.Period;
import org.junit.jupiter.api.Test;

/**
 * issue 15 item 5, retention ({@code --retain}): on start the server deletes deployments finished and incidents
 * resolved before now minus the period; windows before the cut-off then read "no data", later ones are unchanged.
 */
class RetentionApiTest {
    // TestServer.NOW is 2026-02-01T12:00Z: with P1Y the cut-off is 2025-02-01T12:00Z
    // its own change: a change listed on a deleted deployment would count again for lead time (reliability.md)
    private static final String OLD = Events.deployment("old").replace("2026-01-05", "2025-01-05")
            .replace("2026-01-04", "2025-01-04").replace("\"c41\"", "\"c40\"");
    private static final String OLD_INCIDENT = Events.INCIDENT.replace("INC-7", "INC-old").replace("2026-01-05",
            "2025-01-05").replace("ci-1/shop/42", "old");
    private static final String OLD_WINDOW = "/api/v1/kpis?application=shop&from=2025-01-01T00:00:00Z"
            + "&to=2025-02-01T00:00:00Z";
    private static final String NEW_WINDOW = "/api/v1/kpis?application=shop&from=2026-01-01T00:00:00Z"
            + "&to=2026-02-01T00:00:00Z";

    @Test
    void deletesWhatIsOlderThanTheRetentionOnStartAndKeepsTheRest() {
        StoreConfig store = TestServer.freshStore();
        String newBefore;
        try (TestServer server = TestServer.start(store, ServerOptions.forTests(store, TestServer.TOKEN,
                TestServer.CLOCK))) {
            assertThat(server.post(Events.batch(Events.ASSIGNMENT, OLD, OLD_INCIDENT, Events.DEPLOYMENT,
                    Events.INCIDENT)).statusCode()).isEqualTo(200);
            JsonObject oldBefore = TestServer.json(server.get(OLD_WINDOW));
            assertThat(oldBefore.getAsJsonObject("deploymentFrequency").get("deployments").getAsInt()).isEqualTo(1);
            assertThat(oldBefore.getAsJsonObject("timeToDetect").get("count").getAsInt()).isEqualTo(1);
            newBefore = server.get(NEW_WINDOW).body();
        }

        try (TestServer server = TestServer.start(store, ServerOptions.forTests(store, TestServer.TOKEN,
                TestServer.CLOCK).withRetention(new Retention(Period.ofYears(1))))) {
            assertThat(server.rows("deployment")).isEqualTo(1);
            assertThat(server.rows("deployment_change")).isEqualTo(1);
            assertThat(server.rows("deployment_component")).isEqualTo(1);
            assertThat(server.rows("incident")).isEqualTo(1);
            assertThat(server.rows("assignment")).isEqualTo(1);
            assertThat(server.text("SELECT id FROM deployment")).isEqualTo("ci-1/shop/42");

            JsonObject oldAfter = TestServer.json(server.get(OLD_WINDOW));
            assertThat(oldAfter.getAsJsonObject("deploymentFrequency").get("deployments").getAsInt()).isZero();
            assertThat(oldAfter.getAsJsonObject("timeToDetect").get("count").getAsInt()).isZero();
            assertThat(oldAfter.getAsJsonObject("leadTime").get("medianSeconds").isJsonNull()).isTrue();
            assertThat(server.get(NEW_WINDOW).body()).isEqualTo(newBefore);
        }
    }

    @Test
    void takesTheRetentionAsAnIsoPeriodAndRefusesOthers() throws Exception {
        assertThat(CommandLine.parse("--retain", "P2Y").options(null, TestServer.CLOCK).retention().period())
                .isEqualTo(Period.ofYears(2));
        assertThat(CommandLine.parse().options(null, TestServer.CLOCK).retention()).isNull();
        assertThatThrownBy(() -> CommandLine.parse("--retain", "2y"))
                .hasMessage("--retain must be an ISO-8601 period such as P2Y, P18M or P400D, got '2y'");
        assertThatThrownBy(() -> CommandLine.parse("--retain", "P0D"))
                .hasMessage("--retain must be a period longer than zero, got 'P0D'");
        assertThatThrownBy(() -> CommandLine.parse("--retain")).hasMessage("--retain needs a value");
    }
}
