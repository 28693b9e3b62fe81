package io.devopskpi.core.model;

/**
 * A named gate that pipelines refer to instead of repeating thresholds: {@code gate} is the JSON text of a body
 * of {@code POST /api/v1/gate} (checked when it is read from JSON). Its key is {@code name}; names starting with
 * {@code contract-} are reserved for the gates derived from contract targets.
 */
public record GatePolicy(String name, String gate) implements Event {
    public static final String CONTRACT_PREFIX = "contract-";
    public static final int MAX_GATE = 65_536;

    public GatePolicy {
        String event = "policy " + Checks.quote(name);
        name = Checks.required(name, "name", event, Checks.MAX_NAME);
        if (name.startsWith(CONTRACT_PREFIX)) {
            throw new InvalidEventException("name", "name must not start with the reserved prefix '"
                    + CONTRACT_PREFIX + "' (" + event + "): those gates are derived from contract targets");
        }
        gate = Checks.required(gate, "gate", event, MAX_GATE);
    }

    @Override
    public String describe() {
        return "policy " + Checks.quote(name);
    }

    /** A policy is not about one application. */
    @Override
    public String application() {
        return null;
    }
}
