package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Action;
import hudson.model.Actionable;

public abstract class FlowNode extends Actionable {
    private FlowNode() {
    }

    public final <T extends Action> T getPersistentAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
