package io.devopskpi.core.query;

import java.time.Instant;

/**
 * An application of an environment as the dashboard lists it: who delivers and who operates it at the window's
 * end (or now, when earlier), its SUCCESS deployments in the window and its latest SUCCESS deployment before the
 * window's end (null when there is none).
 */
public record ApplicationSummary(String application, Owner delivery, Owner operations, int deployments,
        Instant lastDeployment) {
}
