package io.devopskpi.core.hooks;

/**
 * What one webhook call did: incidents newly stored, re-sends that changed nothing, re-sends that updated an
 * incident (as for events), alerts left unmapped (kept in {@link UnmappedAlerts}) and events of a type that
 * opens, acknowledges or closes nothing.
 */
public record HookResult(int accepted, int duplicates, int updated, int unmapped, int ignored) {
}
