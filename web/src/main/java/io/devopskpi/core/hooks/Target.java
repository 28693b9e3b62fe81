package io.devopskpi.core.hooks;

import com.google.gson.JsonElement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application and environment a mapping finds in one alert, with the fields it looked at; {@link #mapped()}
 * false when either is missing.
 */
final class Target {
    private final String application;
    private final String environment;
    private final String applicationSource;
    private final String environmentSource;
    private final Map<String, String> looked = new LinkedHashMap<>();
    private final String reason;

    private Target(JsonElement alert, HookMapping mapping, String prefix) {
        String[] app = first(alert, mapping.applicationFields(), prefix);
        String[] env = first(alert, mapping.environmentFields(), prefix);
        application = app[0];
        applicationSource = app[1];
        environment = env[0] != null ? env[0] : mapping.defaultEnvironment();
        environmentSource = env[1];
        if (application == null) {
            reason = "no application: none of " + String.join(", ", mapping.applicationFields()) + " is set";
        } else if (environment == null) {
            reason = "no environment: none of " + String.join(", ", mapping.environmentFields())
                    + " is set and no default environment is configured";
        } else {
            reason = null;
        }
    }

    /** {@code prefix}: the alert's own path in the payload ({@code alerts[2].}), for naming fields in errors. */
    static Target find(JsonElement alert, HookMapping mapping, String prefix) {
        return new Target(alert, mapping, prefix);
    }

    private String[] first(JsonElement alert, List<String> fields, String prefix) {
        String[] found = {null, null};
        for (String field : fields) {
            String value = FieldPath.read(alert, field);
            looked.put(field, value);
            if (found[0] == null && value != null) {
                found[0] = value;
                found[1] = prefix + field;
            }
        }
        return found;
    }

    boolean mapped() {
        return reason == null;
    }

    String application() {
        return application;
    }

    String environment() {
        return environment;
    }

    /** The incident fields application and environment, by the payload field each came from. */
    void sources(Map<String, String> sources) {
        sources.put("application", applicationSource);
        if (environmentSource != null) {
            sources.put("environment", environmentSource);
        }
    }

    UnmappedAlert unmapped(AlertSource source, String id, String summary, Instant received) {
        return new UnmappedAlert(source, id, summary, reason, looked, received, 1);
    }
}
