package io.devopskpi.core.hooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus Alertmanager's webhook payload, version 4: every alert of the (grouped) notification is one
 * incident, started at {@code startsAt}, resolved at {@code endsAt} once its status is {@code resolved}. Its id
 * is {@code alertmanager:<fingerprint>:<startsAt>}: re-sent notifications name the same incident, and an alert
 * that fires again later (a new {@code startsAt}) is a new one.
 */
final class AlertmanagerPayload {
    static final String VERSION = "4";

    private AlertmanagerPayload() {
    }

    static AlertReading read(JsonElement root, HookMapping mapping, Instant received, PayloadFields fields) {
        List<MappedAlert> mapped = new ArrayList<>();
        List<UnmappedAlert> unmapped = new ArrayList<>();
        if (!(root instanceof JsonObject payload)) {
            fields.refuse(null, "body", "the body must be an Alertmanager webhook object, got "
                    + PayloadFields.shown(root));
            return new AlertReading(mapped, unmapped, 0);
        }
        String version = fields.text(payload, "version", "version", null, true);
        if (version != null && !version.equals(VERSION)) {
            fields.refuse(null, "version", "version must be \"" + VERSION + "\" (Alertmanager's webhook format), got "
                    + PayloadFields.shown(payload.get("version")));
        }
        JsonElement list = payload.get("alerts");
        if (!(list instanceof JsonArray alerts)) {
            fields.refuse(null, "alerts", list == null || list.isJsonNull() ? "alerts is missing"
                    : "alerts must be a list, got " + PayloadFields.shown(list));
            return new AlertReading(mapped, unmapped, 0);
        }
        for (int i = 0; i < alerts.size(); i++) {
            String path = "alerts[" + i + "]";
            if (!(alerts.get(i) instanceof JsonObject alert)) {
                fields.refuse(i, path, path + " must be an object, got " + PayloadFields.shown(alerts.get(i)));
                continue;
            }
            alert(alert, i, path, mapping, received, fields, mapped, unmapped);
        }
        return new AlertReading(mapped, unmapped, 0);
    }

    private static void alert(JsonObject alert, int i, String path, HookMapping mapping, Instant received,
            PayloadFields fields, List<MappedAlert> mapped, List<UnmappedAlert> unmapped) {
        String status = fields.text(alert, "status", path + ".status", i, true);
        boolean resolved = "resolved".equals(status);
        if (status != null && !resolved && !"firing".equals(status)) {
            fields.refuse(i, path + ".status", path + ".status must be \"firing\" or \"resolved\", got "
                    + PayloadFields.shown(alert.get("status")));
        }
        fields.object(alert, "labels", path + ".labels", i, true);
        String fingerprint = fields.text(alert, "fingerprint", path + ".fingerprint", i, true);
        Instant startsAt = fields.instant(alert, "startsAt", path + ".startsAt", i, true);
        // a firing alert's endsAt is a placeholder or Alertmanager's guess of when it will end: only a resolved one's counts
        Instant endsAt = resolved ? fields.instant(alert, "endsAt", path + ".endsAt", i, true) : null;
        if (fingerprint == null || startsAt == null || (resolved && endsAt == null)) {
            return;
        }
        String id = "alertmanager:" + fingerprint + ":" + startsAt;
        Target target = Target.find(alert, mapping, path + ".");
        if (!target.mapped()) {
            unmapped.add(target.unmapped(AlertSource.ALERTMANAGER, id, FieldPath.read(alert, "labels.alertname"),
                    received));
            return;
        }
        new IncidentBuilder(i, path).from("id", path + ".fingerprint").from("started", path + ".startsAt")
                .from("resolved", path + ".endsAt").from("severity", path + ".labels.severity")
                .add(fields, mapped, target, id, startsAt, null, endsAt, FieldPath.read(alert, "labels.severity"));
    }
}
