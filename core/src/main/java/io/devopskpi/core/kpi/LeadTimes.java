package io.devopskpi.core.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lead time samples (metrics.md): each change counts once, on the first SUCCESS deployment (in order) of its
 * application and environment that lists it, with the commit time given there; imported deployments consume
 * their changes without samples; negative durations (clock skew) are skipped.
 */
final class LeadTimes {
    final List<Double> samples = new ArrayList<>();
    int skipped;

    static LeadTimes of(List<ChangeListing> listings, Instant from, Instant to, ScopeFilter scope) {
        Map<String, ChangeListing> first = new HashMap<>();
        for (ChangeListing listing : listings) {
            String key = listing.deployment().application() + "\u0000" + listing.changeId();
            first.merge(key, listing, (a, b) ->
                    DeploymentRecord.ORDER.compare(a.deployment(), b.deployment()) <= 0 ? a : b);
        }
        LeadTimes result = new LeadTimes();
        for (ChangeListing listing : first.values()) {
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
