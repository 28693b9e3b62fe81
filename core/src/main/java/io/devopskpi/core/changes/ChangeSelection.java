package io.devopskpi.core.changes;

import io.devopskpi.core.model.Change;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes a deployment shipped: those listed by the run itself and by the runs before it, back to (not
 * including) the last run that deployed successfully. A commit time the SCM does not know ({@code -1}) is
 * replaced by the start of the run that listed the commit, the closest bound Jenkins has.
 */
public final class ChangeSelection {
    /** How far back the walk goes at most, so a long streak of failures costs a bounded amount of work. */
    public static final int MAX_RUNS = 50;

    /** One commit as the SCM listed it; {@code timestamp} in epoch milliseconds or -1 when unknown. */
    public record Commit(String id, long timestamp, String author) {
    }

    /** A run's changes: when it started, whether it deployed successfully, its commits. */
    public record RunChanges(Instant started, boolean successfulDeployment, List<Commit> commits) {
    }

    private ChangeSelection() {
    }

    /** @param newestFirst the run being recorded, then the runs before it, newest first */
    public static List<Change> select(List<RunChanges> newestFirst) {
        Map<String, Change> byId = new LinkedHashMap<>();
        for (int i = 0; i < newestFirst.size() && i < MAX_RUNS; i++) {
            RunChanges run = newestFirst.get(i);
            if (i > 0 && run.successfulDeployment()) {
                break;
            }
            for (Commit commit : run.commits()) {
                if (commit.id() == null || commit.id().isBlank()) {
                    continue;
                }
                Instant committed = commit.timestamp() < 0 ? run.started() : Instant.ofEpochMilli(commit.timestamp());
                Change change = new Change(commit.id(), committed, blankToNull(commit.author()));
                // listed again by an older run (a retried build): the earlier time is the better bound
                byId.merge(commit.id(), change, (a, b) -> b.committed().isBefore(a.committed()) ? b : a);
            }
        }
        return byId.values().stream().sorted(Comparator.comparing(Change::committed)).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
