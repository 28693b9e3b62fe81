package io.jenkins.plugins.devopskpi.history;

import java.time.Instant;

/**
 * Where a history import stands, as the page shows it: jobs done of the jobs the rules match, the job being read,
 * builds read, deployments stored, builds already stored (recorded live or imported before: left as they are) and
 * builds skipped (still running). Immutable: the import publishes a new one after every build.
 */
public record ImportProgress(State state, int jobsDone, int jobsTotal, String currentJob, long buildsRead,
        long imported, long alreadyStored, long skipped, String error, Instant started, Instant finished) {

    /** The import's life: never started, running, ended by itself, cancelled, or stopped by an error. */
    public enum State {
        IDLE, RUNNING, DONE, CANCELLED, FAILED
    }

    public static final ImportProgress IDLE = new ImportProgress(State.IDLE, 0, 0, null, 0, 0, 0, 0, null, null,
            null);

    public boolean isRunning() {
        return state == State.RUNNING;
    }

    ImportProgress job(int done, int total, String job) {
        return new ImportProgress(State.RUNNING, done, total, job, buildsRead, imported, alreadyStored, skipped, null,
                started, null);
    }

    ImportProgress read(long newBuilds, long newImported, long newStored, long newSkipped) {
        return new ImportProgress(state, jobsDone, jobsTotal, currentJob, buildsRead + newBuilds,
                imported + newImported, alreadyStored + newStored, skipped + newSkipped, error, started, finished);
    }

    ImportProgress end(State end, String why, Instant at) {
        return new ImportProgress(end, end == State.DONE ? jobsTotal : jobsDone, jobsTotal, null, buildsRead, imported,
                alreadyStored, skipped, why, started, at);
    }
}
