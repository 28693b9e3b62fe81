package io.devopskpi.core.query;

import java.util.List;

/** A team with the applications it delivers or operates, sorted by name. */
public record TeamSummary(String team, List<String> applications) {
    public TeamSummary {
        applications = List.copyOf(applications);
    }
}
