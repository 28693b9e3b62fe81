package io.jenkins.plugins.devopskpi.history;

import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.steps.RunEvents;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Jenkins' jobs and builds for the history import, read as the run listener reads a completed run. Builds are
 * walked from the last one back with {@code getPreviousBuild()}, one at a time, so Jenkins loads (and may unload)
 * them lazily. Called on the import's thread, as SYSTEM (the import is started by an administrator).
 */
public final class JenkinsHistory implements HistorySource {
    @Override
    public List<String> jobs() {
        List<String> names = new ArrayList<>();
        return JenkinsFacade.asSystem(() -> {
            for (Job<?, ?> job : JenkinsFacade.allJobs()) {
                names.add(job.getFullName());
            }
            return names;
        });
    }

    @Override
    public Iterator<BuildRecord> builds(String name) {
        // a job deleted since the list was read has no builds left to import
        Run<?, ?> last = Optional.ofNullable(JenkinsFacade.asSystem(() -> JenkinsFacade.job(name)))
                .<Run<?, ?>>map(Job::getLastBuild).orElse(null);
        return new Iterator<>() {
            private Run<?, ?> next = last;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public BuildRecord next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Run<?, ?> run = next;
                next = run.getPreviousBuild();
                return record(run);
            }
        };
    }

    private static BuildRecord record(Run<?, ?> run) {
        long started = run.getStartTimeInMillis();
        Result result = run.getResult();
        return new BuildRecord(run.getExternalizableId(), Instant.ofEpochMilli(started),
                Instant.ofEpochMilli(started + Math.max(run.getDuration(), 0)), RunEvents.result(result),
                result == Result.SUCCESS, run.isBuilding(), RunEvents.commits(run), environment(run),
                RunEvents.runUrl(run));
    }

    private static Map<String, String> environment(Run<?, ?> run) {
        try {
            return run.getEnvironment(TaskListener.NULL);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}
