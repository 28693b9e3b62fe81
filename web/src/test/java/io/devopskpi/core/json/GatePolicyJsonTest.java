package io.devopskpi.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.kpi.InvalidQueryException;
import io.devopskpi.core.kpi.QueryError;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatePolicyJsonTest {
    private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
    private static final JsonObject RELEASE = JsonParser.parseString("""
            {"scope":{"application":"shop"},"window":"P30D","minSamples":5,
             "thresholds":[{"metric":"changeSuccessRate","operator":">=","value":0.9,"minSamples":10}]}""")
            .getAsJsonObject();

    private static Optional<KpiGate> policies(String name, Instant now) {
        return name.equals("release-shop") ? Optional.of(GateJson.parse(RELEASE.toString(), now)) : Optional.empty();
    }

    @Test
    void aPolicyStandsForItsGateAndAWindowMayReplaceItsOwn() {
        KpiGate gate = GateJson.parse("{\"policy\":\"release-shop\"}", NOW, GatePolicyJsonTest::policies);
        assertThat(gate.query().from()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(gate.thresholds().get(0).minSamples()).isEqualTo(10);
        assertThat(gate.minSamples()).isEqualTo(5);
        KpiGate january = GateJson.parse("{\"policy\":\"release-shop\",\"from\":\"2026-01-01T00:00:00Z\","
                + "\"to\":\"2026-01-15T00:00:00Z\",\"onBreach\":\"WARNING\"}", NOW, GatePolicyJsonTest::policies);
        assertThat(january.query().to()).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
        assertThat(january.onBreach().name()).isEqualTo("WARNING");
    }

    @Test
    void anUnknownPolicyOrThresholdsBesideItAreNamed() {
        assertThatThrownBy(() -> GateJson.parse("{\"policy\":\"nope\"}", NOW, GatePolicyJsonTest::policies))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.errors())
                        .extracting(QueryError::field).containsExactly("policy"));
        assertThatThrownBy(() -> GateJson.parse("{\"policy\":\"release-shop\",\"thresholds\":[]}", NOW,
                GatePolicyJsonTest::policies))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.errors())
                        .extracting(QueryError::field).containsExactly("thresholds"));
    }

    @Test
    void aDefinitionIsCheckedWithoutTheClock() {
        assertThat(GateJson.check(RELEASE)).isEmpty();
        assertThat(GateJson.check(JsonParser.parseString("""
                {"window":"soon","thresholds":[{"metric":"x","operator":"~","value":1},
                 {"metric":"reworkRate","operator":"<","value":0.1,"minSamples":-1}]}""")
                .getAsJsonObject())).extracting(QueryError::field)
                .containsExactlyInAnyOrder("window", "thresholds[0].metric", "thresholds[0].operator",
                        "thresholds[1].minSamples");
    }

    @Test
    void minSamplesAndFailOnInsufficientDataReplaceThePolicysToo() {
        // the policy says minSamples 5, failOnInsufficientData false, onBreach FAILURE
        KpiGate gate = GateJson.parse("{\"policy\":\"release-shop\",\"minSamples\":50,"
                + "\"failOnInsufficientData\":true,\"onBreach\":\"UNSTABLE\"}", NOW, GatePolicyJsonTest::policies);
        assertThat(gate.minSamples()).isEqualTo(50);
        assertThat(gate.failOnInsufficientData()).isTrue();
        assertThat(gate.onBreach().name()).isEqualTo("UNSTABLE");
        // a threshold's own minimum stays
        assertThat(gate.thresholds().get(0).minSamples()).isEqualTo(10);
    }

    @Test
    void aWindowThatCouldMeanMinutesOrMonthsIsRefused() {
        assertThatThrownBy(() -> GateJson.parse("{\"policy\":\"release-shop\",\"window\":\"1M\"}", NOW,
                GatePolicyJsonTest::policies))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.errors())
                        .extracting(QueryError::field).containsExactly("window"));
        assertThatThrownBy(() -> GateJson.parse("""
                {"scope":{"application":"shop"},"window":"1M",
                 "thresholds":[{"metric":"changeSuccessRate","operator":">=","value":0.9}]}""", NOW))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.errors())
                        .extracting(QueryError::message).singleElement().asString()
                        .contains("minutes or months"));
    }
}
