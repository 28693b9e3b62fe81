package io.devopskpi.core.hooks;

import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.InvalidEventException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the incident of a mapped alert; the model's refusals become errors naming the payload's field. */
final class IncidentBuilder {
    private final Map<String, String> sources = new HashMap<>();
    private final Integer index;
    private final String path;

    /** {@code path}: the alert's path in the payload ({@code alerts[1]}; empty for the whole payload). */
    IncidentBuilder(Integer index, String path) {
        this.index = index;
        this.path = path;
    }

    /** Notes that the incident field came from this payload path. */
    IncidentBuilder from(String incidentField, String payloadPath) {
        sources.put(incidentField, payloadPath);
        return this;
    }

    void add(PayloadFields fields, List<MappedAlert> mapped, Target target, String id, Instant started,
            Instant detected, Instant resolved, String severity) {
        target.sources(sources);
        try {
            Incident incident = new Incident(id, target.application(), target.environment(), started, detected,
                    resolved, severity, null, null, null);
            mapped.add(new MappedAlert(index, incident, sources, path));
        } catch (InvalidEventException e) {
            fields.refuse(index, sources.getOrDefault(e.field(), path.isEmpty() ? e.field() : path),
                    e.getMessage());
        }
    }
}
