package io.devopskpi.core.hooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A PagerDuty v3 webhook: one event, of which {@code incident.triggered}, {@code incident.acknowledged} and
 * {@code incident.resolved} give the incident {@code pagerduty:<data.id>} started at {@code data.created_at},
 * detected or resolved at {@code occurred_at}. Every other event type (notes, reassignments, the subscription's
 * ping) is counted as ignored. The incident's start comes with every event, so they may arrive in any order.
 */
final class PagerDutyPayload {
    private static final String TRIGGERED = "incident.triggered";
    private static final String ACKNOWLEDGED = "incident.acknowledged";
    private static final String RESOLVED = "incident.resolved";

    private PagerDutyPayload() {
    }

    static AlertReading read(JsonElement root, HookMapping mapping, Instant received, PayloadFields fields) {
        List<MappedAlert> mapped = new ArrayList<>();
        List<UnmappedAlert> unmapped = new ArrayList<>();
        if (!(root instanceof JsonObject payload)) {
            fields.refuse(null, "body", "the body must be a PagerDuty webhook object, got " + PayloadFields.shown(root));
            return new AlertReading(mapped, unmapped, 0);
        }
        JsonObject event = fields.object(payload, "event", "event", null, true);
        if (event == null) {
            return new AlertReading(mapped, unmapped, 0);
        }
        String type = fields.text(event, "event_type", "event.event_type", null, true);
        if (type == null) {
            return new AlertReading(mapped, unmapped, 0);
        }
        if (!type.equals(TRIGGERED) && !type.equals(ACKNOWLEDGED) && !type.equals(RESOLVED)) {
            return new AlertReading(mapped, unmapped, 1);
        }
        Instant occurred = fields.instant(event, "occurred_at", "event.occurred_at", null, true);
        JsonObject data = fields.object(event, "data", "event.data", null, true);
        if (data == null) {
            return new AlertReading(mapped, unmapped, 0);
        }
        String incidentId = fields.text(data, "id", "event.data.id", null, true);
        Instant created = fields.instant(data, "created_at", "event.data.created_at", null, true);
        if (occurred == null || incidentId == null || created == null) {
            return new AlertReading(mapped, unmapped, 0);
        }
        String id = "pagerduty:" + incidentId;
        Target target = Target.find(data, mapping, "event.data.");
        if (!target.mapped()) {
            unmapped.add(target.unmapped(AlertSource.PAGERDUTY, id, FieldPath.read(data, "title"), received));
            return new AlertReading(mapped, unmapped, 0);
        }
        String severity = FieldPath.read(data, "priority.summary");
        String severityPath = "event.data.priority.summary";
        if (severity == null) {
            severity = FieldPath.read(data, "urgency");
            severityPath = "event.data.urgency";
        }
        new IncidentBuilder(null, "").from("id", "event.data.id").from("started", "event.data.created_at")
                .from("detected", "event.occurred_at").from("resolved", "event.occurred_at")
                .from("severity", severityPath)
                .add(fields, mapped, target, id, created, type.equals(ACKNOWLEDGED) ? occurred : null,
                        type.equals(RESOLVED) ? occurred : null, severity);
        return new AlertReading(mapped, unmapped, 0);
    }
}
