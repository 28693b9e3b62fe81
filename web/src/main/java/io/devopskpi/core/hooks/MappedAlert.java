package io.devopskpi.core.hooks;

import io.devopskpi.core.model.Incident;
import java.util.Map;

/**
 * An alert turned into an incident: where it was in the payload ({@code index}, null for a one-alert payload) and
 * which payload field each incident field came from, so that errors found later name the payload's field.
 */
record MappedAlert(Integer index, Incident incident, Map<String, String> sources, String path) {

    MappedAlert {
        sources = Map.copyOf(sources);
    }

    /** The payload path an error on an incident field names. */
    String source(String incidentField) {
        return sources.getOrDefault(incidentField, path.isEmpty() ? incidentField : path);
    }
}
