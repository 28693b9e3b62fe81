package io.devopskpi.core.hooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An Opsgenie webhook integration call: the actions {@code Create}, {@code Acknowledge} and {@code Close} give the
 * incident {@code opsgenie:<alert.alertId>} started at {@code alert.createdAt}, detected or resolved at
 * {@code alert.updatedAt} (the time of the action). Every other action (notes, tags, assignment, delete, custom
 * actions) is counted as ignored.
 */
final class OpsgeniePayload {
    private OpsgeniePayload() {
    }

    static AlertReading read(JsonElement root, HookMapping mapping, Instant received, PayloadFields fields) {
        List<MappedAlert> mapped = new ArrayList<>();
        List<UnmappedAlert> unmapped = new ArrayList<>();
        if (!(root instanceof JsonObject payload)) {
            fields.refuse(null, "body", "the body must be an Opsgenie webhook object, got " + PayloadFields.shown(root));
            return new AlertReading(mapped, unmapped, 0);
        }
        String action = fields.text(payload, "action", "action", null, true);
        if (action == null) {
            return new AlertReading(mapped, unmapped, 0);
        }
        boolean acknowledge = action.equals("Acknowledge");
        boolean close = action.equals("Close");
        if (!action.equals("Create") && !acknowledge && !close) {
            return new AlertReading(mapped, unmapped, 1);
        }
        JsonObject alert = fields.object(payload, "alert", "alert", null, true);
        if (alert == null) {
            return new AlertReading(mapped, unmapped, 0);
        }
        String alertId = fields.text(alert, "alertId", "alert.alertId", null, true);
        Instant created = fields.epoch(alert, "createdAt", "alert.createdAt", null);
        Instant updated = acknowledge || close ? fields.epoch(alert, "updatedAt", "alert.updatedAt", null) : null;
        if (alertId == null || created == null || ((acknowledge || close) && updated == null)) {
            return new AlertReading(mapped, unmapped, 0);
        }
        String id = "opsgenie:" + alertId;
        Target target = Target.find(alert, mapping, "alert.");
        if (!target.mapped()) {
            unmapped.add(target.unmapped(AlertSource.OPSGENIE, id, FieldPath.read(alert, "message"), received));
            return new AlertReading(mapped, unmapped, 0);
        }
        new IncidentBuilder(null, "").from("id", "alert.alertId").from("started", "alert.createdAt")
                .from("detected", "alert.updatedAt").from("resolved", "alert.updatedAt")
                .from("severity", "alert.priority")
                .add(fields, mapped, target, id, created, acknowledge ? updated : null, close ? updated : null,
                        FieldPath.read(alert, "priority"));
        return new AlertReading(mapped, unmapped, 0);
    }
}
