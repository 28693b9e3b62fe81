package hudson.model;

import jenkins.widgets.HasWidgets;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements HasWidgets {
    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }

    protected abstract java.util.SortedMap<Integer, ? extends RunT> _getRuns();

    public abstract boolean isBuildable();

    protected abstract void removeRun(RunT run);

    public RunT getLastBuild() {
        throw new UnsupportedOperationException();
    }

    public RunT getLastCompletedBuild() {
        throw new UnsupportedOperationException();
    }
}
