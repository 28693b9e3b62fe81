package jenkins.widgets;

import hudson.ExtensionPoint;
import hudson.widgets.Widget;
import java.util.Collection;

public abstract class WidgetFactory<T extends HasWidgets, W extends Widget> implements ExtensionPoint {
    public WidgetFactory() {
    }

    public abstract Class<T> type();

    public abstract Class<W> widgetType();

    public abstract Collection<W> createFor(T target);
}
