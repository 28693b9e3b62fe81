package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements FutureCallback<Object>, Serializable {
    public StepContext() {
    }

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

    public abstract void setResult(Result r);

    @Override
    public abstract void onSuccess(Object result);

    public abstract boolean isReady();

    public abstract com.google.common.util.concurrent.ListenableFuture<Void> saveState();

    @Override
    public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();
}
