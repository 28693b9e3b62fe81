package hudson.widgets;

public abstract class Widget {
    public Widget() {
    }

    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}
