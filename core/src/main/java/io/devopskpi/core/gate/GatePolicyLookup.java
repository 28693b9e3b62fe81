package io.devopskpi.core.gate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a named gate policy ({@code kpiGate policy: 'release'}): a gate stored under that name, or one derived
 * from a supplier's contract targets ({@code io.devopskpi.core.governance.GatePolicies#lookup}).
 */
@FunctionalInterface
public interface GatePolicyLookup {
    /** The gate of the policy ending at {@code now}, or empty when no policy has that name. */
    Optional<KpiGate> gate(String name, Instant now);

    /**
     * The policy's gate for {@code kpiGate(policy: ...)}: the policy brings its own scope, environment and
     * thresholds, so the step may not name any of those as well (its window, minSamples, failOnInsufficientData and
     * onBreach replace the policy's: {@link GateOverrides}).
     *
     * @param ownArguments the step's other gate arguments by name, null or blank when not given
     * @throws IllegalArgumentException naming the arguments given besides the policy, or the unknown policy
     */
    static KpiGate resolve(GatePolicyLookup lookup, String policy, Map<String, String> ownArguments,
            Instant now) {
        List<String> given = ownArguments.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank()).map(Map.Entry::getKey)
                .sorted().toList();
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("policy '" + policy + "' brings its own scope, environment and "
                    + "thresholds: leave out " + String.join(", ", given));
        }
        return lookup.gate(policy.trim(), now)
                .orElseThrow(() -> new IllegalArgumentException("no gate policy is named '" + policy + "'"));
    }
}
