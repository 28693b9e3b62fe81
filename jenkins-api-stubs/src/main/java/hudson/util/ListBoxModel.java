package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    public ListBoxModel() {
    }

    public ListBoxModel add(String nameAndValue) {
        throw new UnsupportedOperationException();
    }

    public void add(String name, String value) {
        throw new UnsupportedOperationException();
    }

    public static final class Option {
        public Option(String name, String value) {
        }
    }
}
