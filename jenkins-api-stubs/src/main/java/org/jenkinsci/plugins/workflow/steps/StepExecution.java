package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {
    protected StepExecution(StepContext context) {
    }

    public abstract boolean start() throws Exception;

    public StepContext getContext() {
        throw new UnsupportedOperationException();
    }
}
