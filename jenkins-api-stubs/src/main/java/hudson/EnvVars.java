package hudson;

import java.util.Map;
import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
    }

    public EnvVars(Map<String, String> m) {
        super(m);
    }
}
