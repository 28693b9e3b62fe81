package io.devopskpi.core.hooks;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alert whose application (or environment) no mapping field named: kept visible instead of dropped. {@code id}
 * is the incident id it would have had, {@code summary} the tool's name for it (alert name, title, message),
 * {@code looked} the mapping's fields with what the alert had there (null: nothing), never the whole payload.
 */
public record UnmappedAlert(AlertSource source, String id, String summary, String reason, Map<String, String> looked,
        Instant received, int times) {

    public UnmappedAlert {
        looked = Collections.unmodifiableMap(new LinkedHashMap<>(looked));
    }

    UnmappedAlert again(UnmappedAlert earlier) {
        return new UnmappedAlert(source, id, summary, reason, looked, received, earlier.times + times);
    }
}
