package io.devopskpi.core.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lead time samples (metrics.md): each change counts once, on the first SUCCESS deployment (in order) of its
 * application and environment that lists it, with the commit time given there; imported deployments consume
 * their changes without samples; negative durations (clock skew) are skipped. The listings are those first ones
 * already ({@link KpiRepository#firstListingsIn}: one per application and change).
 */
final class LeadTimes {
    final List<Double> samples = new ArrayList<>();
    int skipped;

    static LeadTimes of(List<ChangeListing> firstListings, Instant from, Instant to, ScopeFilter scope) {
        LeadTimes result = new LeadTimes();
        for (ChangeListing listing : firstListings) {
            DeploymentRecord d = listing.deployment();
            boolean inWindow = !d.finished().isBefore(from) && d.finished().isBefore(to);
            if (!inWindow || d.imported() || d.delivery() == null || !scope.matches(d)) {
                continue;
            }
            Duration lead = Duration.between(listing.committed(), d.finished());
            if (lead.isNegative()) {
                result.skipped++;
            } else {
                result.samples.add(FailedChange.seconds(lead));
            }
        }
        return result;
    }
}
