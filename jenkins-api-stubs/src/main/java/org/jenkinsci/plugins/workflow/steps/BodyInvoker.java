package org.jenkinsci.plugins.workflow.steps;

public abstract class BodyInvoker {
    public BodyInvoker() {
    }

    public abstract BodyExecution start();

    public abstract BodyInvoker withCallback(BodyExecutionCallback callback);
}
