package io.devopskpi.core.gate;

import java.time.Instant;

/**
 * Reads a stored gate definition (a body of {@code POST /api/v1/gate}, as policies are kept) into a gate ending at
 * {@code now}. The web layer's {@code GateJson::parse} is the one the product uses; the engine only names it here,
 * so that governance does not depend on the JSON layer.
 */
@FunctionalInterface
public interface GateDefinitionReader {
    KpiGate read(String definition, Instant now);
}
