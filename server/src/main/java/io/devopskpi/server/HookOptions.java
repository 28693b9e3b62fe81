package io.devopskpi.server;

import io.devopskpi.core.hooks.HookMappings;
import java.util.Objects;

/**
 * How the alerting webhooks are set up (api.md, "Incidents from alerting tools"): the token that may be sent as
 * {@code ?token=} by tools that cannot send an Authorization header (null: none, only the write token as bearer
 * is accepted) and the mapping of alerts to applications and environments.
 */
public record HookOptions(String hookToken, HookMappings mappings) {

    public HookOptions {
        Objects.requireNonNull(mappings, "mappings");
        if (hookToken != null && hookToken.isBlank()) {
            throw new IllegalArgumentException("the hook token must not be blank");
        }
    }

    /** No hook token, the default mapping. */
    public static HookOptions defaults() {
        return new HookOptions(null, HookMappings.defaults());
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "HookOptions[hookToken " + (hookToken == null ? "none" : "set") + "]";
    }
}
