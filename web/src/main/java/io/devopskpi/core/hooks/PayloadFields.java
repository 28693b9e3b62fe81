package io.devopskpi.core.hooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.devopskpi.core.ingest.EventError;
import io.devopskpi.core.text.Excerpt;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed values out of a tool's payload, collecting one error per bad field with its path and the value
 * sent, so that the answer names all of them at once. Fields the tools add over time are not refused.
 */
final class PayloadFields {
    /**
     * Opsgenie sends {@code createdAt} in milliseconds and {@code updatedAt} in nanoseconds since the epoch; a
     * count of milliseconds reaches this only in the year 33658, a count of nanoseconds passed it in 1970.
     */
    private static final long NANOS_FROM = 1_000_000_000_000_000L;

    private final List<EventError> errors = new ArrayList<>();

    List<EventError> errors() {
        return errors;
    }

    void refuse(Integer index, String path, String message) {
        errors.add(new EventError(index, path, message));
    }

    /** The object at {@code key}; null (with an error when required) when absent or not an object. */
    JsonObject object(JsonObject parent, String key, String path, Integer index, boolean required) {
        JsonElement value = parent.get(key);
        if (value instanceof JsonObject object) {
            return object;
        }
        if (absent(value, path, index, required)) {
            return null;
        }
        refuse(index, path, path + " must be an object, got " + shown(value));
        return null;
    }

    /** The non-blank text at {@code key}; null (with an error when required) when absent. */
    String text(JsonObject parent, String key, String path, Integer index, boolean required) {
        JsonElement value = parent.get(key);
        if (absent(value, path, index, required)) {
            return null;
        }
        if (value instanceof JsonPrimitive primitive && primitive.isString()) {
            String text = primitive.getAsString().trim();
            if (!text.isEmpty()) {
                return text;
            }
            if (required) {
                refuse(index, path, path + " must not be blank");
            }
            return null;
        }
        refuse(index, path, path + " must be a string, got " + shown(value));
        return null;
    }

    /** An RFC 3339 time with its offset ({@code 2026-01-10T11:00:00.5+01:00}), as an instant. */
    Instant instant(JsonObject parent, String key, String path, Integer index, boolean required) {
        JsonElement value = parent.get(key);
        String text = text(parent, key, path, index, required);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            refuse(index, path, path + " must be a time with an offset such as 2026-01-10T11:00:00Z, got "
                    + shown(value));
            return null;
        }
    }

    /** A whole number of milliseconds or (from {@link #NANOS_FROM} on) nanoseconds since the epoch. */
    Instant epoch(JsonObject parent, String key, String path, Integer index) {
        JsonElement value = parent.get(key);
        if (absent(value, path, index, true)) {
            return null;
        }
        if (value instanceof JsonPrimitive primitive && primitive.isNumber()) {
            try {
                long count = new BigDecimal(primitive.getAsString()).longValueExact();
                if (count >= 0) {
                    return count >= NANOS_FROM ? Instant.ofEpochSecond(0, count) : Instant.ofEpochMilli(count);
                }
            } catch (ArithmeticException | NumberFormatException e) {
                // refused below with the value
            }
        }
        refuse(index, path, path + " must be a whole number of milliseconds since 1970-01-01, got " + shown(value));
        return null;
    }

    /** Whether the value is absent (null or JSON null), refused as missing when it is required. */
    private boolean absent(JsonElement value, String path, Integer index, boolean required) {
        boolean absent = value == null || value.isJsonNull();
        if (absent && required) {
            refuse(index, path, path + " is missing");
        }
        return absent;
    }

    static String shown(JsonElement value) {
        if (value instanceof JsonPrimitive primitive && primitive.isString()) {
            return Excerpt.quoted(primitive.getAsString());
        }
        return Excerpt.cut(value.toString(), Excerpt.MAX_VALUE);
    }
}
