package hudson.model;

import jenkins.widgets.HasWidgets;

public abstract class View implements HasWidgets {
    protected View(String name) {
    }

    public String getViewName() {
        throw new UnsupportedOperationException();
    }
}
