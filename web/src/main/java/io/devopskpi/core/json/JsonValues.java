package io.devopskpi.core.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import io.devopskpi.core.kpi.KpiReport;
import java.time.Instant;

/** The values every JSON answer writes the same way: undefined as {@code null}, instants as ISO text. */
final class JsonValues {
    private JsonValues() {
    }

    static JsonElement number(Double value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }

    static JsonElement text(String value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }

    static JsonElement instant(Instant value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value.toString());
    }

    /** A 95 % interval as {@code [lower, upper]}. */
    static JsonElement interval(KpiReport.Interval interval) {
        if (interval == null) {
            return JsonNull.INSTANCE;
        }
        JsonArray json = new JsonArray();
        json.add(interval.lower());
        json.add(interval.upper());
        return json;
    }
}
