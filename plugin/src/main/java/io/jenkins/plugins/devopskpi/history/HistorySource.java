package io.jenkins.plugins.devopskpi.history;

import java.util.Iterator;
import java.util.List;

/** Where the history import reads jobs and builds: Jenkins ({@link JenkinsHistory}), or builds made in a test. */
public interface HistorySource {
    /** The full names of every job, in Jenkins' order. */
    List<String> jobs();

    /** The job's builds, newest first, read one at a time as the iterator advances (never all at once). */
    Iterator<BuildRecord> builds(String job);
}
