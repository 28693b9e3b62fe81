package hudson.views;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class ListViewColumn implements ExtensionPoint, Describable<ListViewColumn> {
    public ListViewColumn() {
    }

    public String getColumnCaption() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Descriptor<ListViewColumn> getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
