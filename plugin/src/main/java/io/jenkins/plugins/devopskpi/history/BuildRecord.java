package io.jenkins.plugins.devopskpi.history;

import io.devopskpi.core.changes.ChangeSelection;
import io.devopskpi.core.model.DeploymentResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the history import reads of one build: what the run listener reads of a run when it completes.
 *
 * @param runId the run's externalizable id ({@code folder/job#42}), the part of the event id live recording uses
 * @param successful whether Jenkins' result was SUCCESS (the change walk stops behind such a run)
 * @param building true while the build runs: not history yet, the run listener records it
 * @param environment the run's environment (DEVOPS_KPI_* variables, shared libraries), empty when unreadable
 * @param url the run's page, or null (as RunEvents.runUrl)
 */
public record BuildRecord(String runId, Instant started, Instant finished, DeploymentResult result,
        boolean successful, boolean building, List<ChangeSelection.Commit> commits, Map<String, String> environment,
        String url) {
    public BuildRecord {
        commits = List.copyOf(commits);
        environment = Map.copyOf(environment);
    }
}
