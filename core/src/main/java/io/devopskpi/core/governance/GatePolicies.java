package io.devopskpi.core.governance;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.devopskpi.core.gate.GateDefinitionReader;
import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.OnBreach;
import io.devopskpi.core.metric.Threshold;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Named gates: the stored policies, and {@code contract-{supplier}} derived for every supplier with targets in
 * force now. A derived gate's scope is the supplier, its thresholds are the supplier-wide targets (each with its
 * own minimum sample size) and its window the longest of their review periods (month 30 days, quarter 91 days).
 * Targets that name some applications are left out: a gate's scope cannot be part of a supplier.
 */
public final class GatePolicies {
    private final EventReader events;
    private final GateDefinitionReader definitions;

    /** @param definitions reads a stored policy's gate definition (the web layer's {@code GateJson::parse}) */
    public GatePolicies(Store store, GateDefinitionReader definitions) {
        this.events = new EventReader(store);
        this.definitions = definitions;
    }

    /** A policy as listed: its name, its gate definition, and whether it was derived from contract targets. */
    public record NamedGate(String name, JsonObject gate, boolean derived) {
    }

    /**
     * The policies as gates ending at the lookup's time: a stored definition read like a body of
     * {@code POST /api/v1/gate}; a derived one built from the targets' own thresholds (no JSON in between).
     */
    public GatePolicyLookup lookup() {
        return (name, now) -> {
            if (name.startsWith(GatePolicy.CONTRACT_PREFIX)) {
                List<ContractTarget> targets = targetsInForce(now).get(name.substring(
                        GatePolicy.CONTRACT_PREFIX.length()));
                return Optional.ofNullable(targets == null ? null : derivedGate(targets, now));
            }
            return events.findPolicy(name).map(policy -> definitions.read(policy.gate(), now));
        };
    }

    private static KpiGate derivedGate(List<ContractTarget> targets, Instant now) {
        List<Threshold> thresholds = targets.stream().map(ContractTarget::threshold).toList();
        KpiQuery query = KpiQuery.ending(Scope.supplier(targets.get(0).supplier()), KpiQuery.DEFAULT_ENVIRONMENT, now,
                window(targets), ZoneOffset.UTC);
        return new KpiGate(query, thresholds, 0, false, OnBreach.FAILURE);
    }

    /** The longest review period of the targets, as a gate window. */
    private static Duration window(List<ContractTarget> targets) {
        Duration window = Duration.ZERO;
        for (ContractTarget target : targets) {
            if (target.period().gateWindow().compareTo(window) > 0) {
                window = target.period().gateWindow();
            }
        }
        return window;
    }

    /** Every policy, stored ones and derived ones, by name. */
    public List<NamedGate> all(Instant now) {
        Map<String, NamedGate> policies = new TreeMap<>();
        for (GatePolicy policy : events.policies()) {
            policies.put(policy.name(), new NamedGate(policy.name(),
                    JsonParser.parseString(policy.gate()).getAsJsonObject(), false));
        }
        derived(now).forEach((name, gate) -> policies.put(name, new NamedGate(name, gate, true)));
        return new ArrayList<>(policies.values());
    }

    /** The gate definition (a body of {@code POST /api/v1/gate}) of the policy, if there is one of that name. */
    public Optional<JsonObject> definition(String name, Instant now) {
        if (name.startsWith(GatePolicy.CONTRACT_PREFIX)) {
            return Optional.ofNullable(derived(now).get(name));
        }
        return events.findPolicy(name).map(p -> JsonParser.parseString(p.gate()).getAsJsonObject());
    }

    private Map<String, JsonObject> derived(Instant now) {
        Map<String, JsonObject> gates = new TreeMap<>();
        targetsInForce(now).forEach((supplier, targets) -> gates.put(GatePolicy.CONTRACT_PREFIX + supplier,
                gate(supplier, targets)));
        return gates;
    }

    /** Per supplier, its supplier-wide targets in force at {@code now}. */
    private Map<String, List<ContractTarget>> targetsInForce(Instant now) {
        Map<String, List<ContractTarget>> bySupplier = new TreeMap<>();
        for (ContractTarget target : events.targets(null)) {
            if (target.inForceAt(now) && target.applications().isEmpty()) {
                bySupplier.computeIfAbsent(target.supplier(), s -> new ArrayList<>()).add(target);
            }
        }
        return bySupplier;
    }

    /** A derived policy as listed by {@code GET /api/v1/policies}. */
    private static JsonObject gate(String supplier, List<ContractTarget> targets) {
        JsonObject scope = new JsonObject();
        scope.addProperty("supplier", supplier);
        JsonArray thresholds = new JsonArray();
        for (ContractTarget target : targets) {
            JsonObject threshold = new JsonObject();
            threshold.addProperty("metric", target.metric().apiName());
            threshold.addProperty("operator", target.operator().symbol());
            threshold.addProperty("value", target.value());
            threshold.addProperty("minSamples", target.minSamples());
            thresholds.add(threshold);
        }
        JsonObject gate = new JsonObject();
        gate.add("scope", scope);
        gate.addProperty("window", "P" + window(targets).toDays() + "D");
        gate.add("thresholds", thresholds);
        return gate;
    }
}
