package io.devopskpi.core.changes;

import io.devopskpi.core.model.Change;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The changes a deployment shipped: those listed by the run itself and by the runs of its pipeline before it,
 * back to (not including) the run that made the last successful deployment of that application and environment,
 * as the store knows it. A commit time the SCM does not know ({@code -1}) is replaced by the start of the run that
 * listed the commit, the closest bound a CI has.
 */
public final class ChangeSelection {
    /** How far back the walk goes at most, so a long streak of failures costs a bounded amount of work. */
    public static final int MAX_RUNS = 50;

    /** One commit as the SCM listed it; {@code timestamp} in epoch milliseconds or -1 when unknown. */
    public record Commit(String id, long timestamp, String author) {
    }

    /**
     * A run's changes: when it started, the event id its deployment of the application and environment has (or
     * would have), whether the run succeeded, its commits.
     */
    public record RunChanges(Instant started, String eventId, boolean successful, List<Commit> commits) {
    }

    private ChangeSelection() {
    }

    /**
     * The changes since the last successful deployment: the walk stops at the run whose event id the store holds as
     * that deployment, or takes {@link #MAX_RUNS} runs when none of them made it (none, or another pipeline did:
     * lead times then count each change from its first successful deployment anyway).
     *
     * @param lastSuccessfulDeployment the id of the application's last SUCCESS deployment to the environment, null
     *     when there is none
     * @param newestFirst the run being recorded, then the runs before it, newest first
     */
    public static List<Change> since(String lastSuccessfulDeployment, List<RunChanges> newestFirst) {
        return select(newestFirst, run -> run.eventId().equals(lastSuccessfulDeployment));
    }

    /** When the store cannot tell: back to the pipeline's last successful run, the best guess without it. */
    public static List<Change> sinceLastSuccessfulRun(List<RunChanges> newestFirst) {
        return select(newestFirst, RunChanges::successful);
    }

    private static List<Change> select(List<RunChanges> newestFirst, Predicate<RunChanges> lastDeployed) {
        Map<String, Change> byId = new LinkedHashMap<>();
        for (int i = 0; i < newestFirst.size() && i < MAX_RUNS; i++) {
            RunChanges run = newestFirst.get(i);
            if (i > 0 && lastDeployed.test(run)) {
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
