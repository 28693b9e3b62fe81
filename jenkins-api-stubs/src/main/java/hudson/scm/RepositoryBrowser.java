package hudson.scm;

public abstract class RepositoryBrowser<E extends ChangeLogSet.Entry> {
    private RepositoryBrowser() {
    }
}
