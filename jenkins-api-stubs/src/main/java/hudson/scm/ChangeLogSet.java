package hudson.scm;

import hudson.model.Run;
import hudson.model.User;

public abstract class ChangeLogSet<T extends ChangeLogSet.Entry> implements Iterable<T> {
    protected ChangeLogSet(Run<?, ?> run, RepositoryBrowser<?> browser) {
    }

    public abstract boolean isEmptySet();

    public static abstract class Entry {
        public String getCommitId() {
            return null;
        }

        public long getTimestamp() {
            return -1;
        }

        public abstract User getAuthor();

        public abstract String getMsg();

        public abstract java.util.Collection<String> getAffectedPaths();
    }
}
