package io.devopskpi.core.hooks;

import com.google.gson.JsonElement;
import io.devopskpi.core.ingest.EventConflictException;
import io.devopskpi.core.ingest.EventError;
import io.devopskpi.core.ingest.IngestResult;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.ingest.InvalidEventsException;
import io.devopskpi.core.json.EventJson;
import io.devopskpi.core.json.StrictJson;
import io.devopskpi.core.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an alerting tool's webhook payload into incidents and stores them as {@link Ingestor} stores events:
 * the payload is read whole, then its incidents are stored in one transaction, all or nothing; unmapped alerts
 * are recorded only when the payload was accepted.
 */
public final class HookService {
    private final Ingestor ingestor;
    private final HookMappings mappings;
    private final UnmappedAlerts unmapped;
    private final Clock clock;

    public HookService(Ingestor ingestor, HookMappings mappings, UnmappedAlerts unmapped, Clock clock) {
        this.ingestor = ingestor;
        this.mappings = mappings;
        this.unmapped = unmapped;
        this.clock = clock;
    }

    /**
     * @throws InvalidEventsException naming the payload's fields and values when it cannot be read (nothing stored)
     * @throws EventConflictException when an alert contradicts a stored incident (nothing stored); its index is the
     *                                alert's in the payload
     */
    public HookResult receive(AlertSource source, String body) {
        JsonElement root;
        try {
            root = StrictJson.parse(body);
        } catch (StrictJson.Refused e) {
            throw new InvalidEventsException(List.of(new EventError(null,
                    e.path().isEmpty() ? EventJson.BODY : StrictJson.field(e.path()), e.getMessage())));
        }
        HookMapping mapping = mappings.of(source);
        Instant received = clock.instant();
        PayloadFields fields = new PayloadFields();
        AlertReading reading = switch (source) {
            case ALERTMANAGER -> AlertmanagerPayload.read(root, mapping, received, fields);
            case PAGERDUTY -> PagerDutyPayload.read(root, mapping, received, fields);
            case OPSGENIE -> OpsgeniePayload.read(root, mapping, received, fields);
        };
        if (!fields.errors().isEmpty()) {
            throw new InvalidEventsException(fields.errors());
        }
        List<MappedAlert> mapped = reading.mapped();
        List<Event> incidents = new ArrayList<>();
        for (MappedAlert alert : mapped) {
            incidents.add(alert.incident());
        }
        IngestResult result;
        try {
            result = incidents.isEmpty() ? new IngestResult(0, 0, 0) : ingestor.ingest(incidents);
        } catch (InvalidEventsException e) {
            List<EventError> errors = new ArrayList<>();
            for (EventError error : e.errors()) {
                MappedAlert alert = mapped.get(error.index());
                errors.add(new EventError(alert.index(), alert.source(error.field()), error.message()));
            }
            throw new InvalidEventsException(errors);
        } catch (EventConflictException e) {
            Integer index = mapped.get(e.index()).index();
            throw new EventConflictException(index == null ? 0 : index, e.getMessage());
        }
        unmapped.addAll(reading.unmapped());
        return new HookResult(result.accepted(), result.duplicates(), result.updated(), reading.unmapped().size(),
                reading.ignored());
    }
}
