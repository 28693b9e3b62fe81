package io.devopskpi.core.kpi;

import java.time.Instant;

/** A change as listed on one SUCCESS deployment, with the commit time given there. */
record ChangeListing(Instant committed, DeploymentRecord deployment) {
}
