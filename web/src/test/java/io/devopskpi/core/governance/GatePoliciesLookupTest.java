package io.devopskpi.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.testing.TestStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lookup a pipeline step uses to turn a policy name into a gate. */
class GatePoliciesLookupTest {
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aStoredPolicyBecomesItsGateAndAnUnknownNameIsEmpty() {
        try (Store store = TestStores.h2()) {
            new Ingestor(store, Clock.fixed(NOW, ZoneOffset.UTC)).ingest(List.of(new GatePolicy("release-shop",
                    "{\"scope\":{\"application\":\"shop\"},\"window\":\"14d\",\"thresholds\":[{\"metric\":"
                            + "\"changeSuccessRate\",\"operator\":\">=\",\"value\":0.9}],\"minSamples\":5}")));
            GatePolicyLookup lookup = new GatePolicies(store, io.devopskpi.core.json.GateJson::parse).lookup();

            Optional<KpiGate> gate = lookup.gate("release-shop", NOW);

            assertThat(gate).isPresent();
            assertThat(gate.get().query().scope()).isEqualTo(Scope.application("shop"));
            // "14d" ending now: from = 2026-03-01 − 14 days = 2026-02-15
            assertThat(gate.get().query().from()).isEqualTo(NOW.minus(Duration.ofDays(14)));
            assertThat(gate.get().thresholds().get(0).metric()).isEqualTo(GateMetric.CHANGE_SUCCESS_RATE);
            assertThat(gate.get().thresholds().get(0).operator()).isEqualTo(Operator.AT_LEAST);
            assertThat(gate.get().minSamples()).isEqualTo(5);
            assertThat(lookup.gate("release-nothing", NOW)).isEmpty();
        }
    }
}
