package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

/** Stub bodies behave like the real ones, so plain tests can read a drop-down's options. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    public ListBoxModel() {
    }

    public ListBoxModel add(String nameAndValue) {
        add(nameAndValue, nameAndValue);
        return this;
    }

    public void add(String name, String value) {
        add(new Option(name, value));
    }

    public static final class Option {
        public String name;

        public String value;

        public boolean selected;

        public Option(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }
}
