package io.jenkins.plugins.devopskpi.behaviour;

import hudson.model.Result;
import java.io.Serial;
import java.util.Objects;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step context that only survives serialization, as workflow-cps' CpsStepContext does: enough to start a step,
 * nothing a step may call while it is being written.
 */
final class SerializableStepContext extends StepContext {
    @Serial
    private static final long serialVersionUID = 1L;
    private final String id;

    SerializableStepContext(String id) {
        this.id = id;
    }

    @Override
    public <T> T get(Class<T> key) {
        throw new UnsupportedOperationException("no " + key.getName() + " while the execution is only created");
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new UnsupportedOperationException("no body while the execution is only created");
    }

    @Override
    public void setResult(Result r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onSuccess(Object result) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onFailure(Throwable t) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public com.google.common.util.concurrent.ListenableFuture<Void> saveState() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerializableStepContext other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}
