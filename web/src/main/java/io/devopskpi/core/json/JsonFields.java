package io.devopskpi.core.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.devopskpi.core.text.Excerpt;
import io.devopskpi.core.text.TimeText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Strict, typed reads of one JSON object of an event (or of an object nested in it, such as {@code changes[1]}).
 * A read that fails records an error naming the field's path, the expected type and the value, and answers null;
 * JSON null counts as absent. {@link #rejectUnread()} then reports every field nobody asked for.
 */
final class JsonFields {
    /**
     * The one spelling of an instant events take (api.md): what {@link Instant#parse} reads but stricter, so that
     * {@code 10:00:00.Z}, lower-case letters, a six-digit year, 24:00 (the next day's midnight to Instant.parse) or a
     * leap second are refused rather than read one way or another.
     */
    private static final Pattern EVENT_INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    /** Years 1 to 9999: every store holds them alike (PostgreSQL turns instants before 4713 BC into -infinity). */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final JsonObject object;
    private final String path;
    private final EventProblems problems;
    private final Set<String> read = new HashSet<>();

    JsonFields(JsonObject object, String path, EventProblems problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
    }

    /** Where this object lies in its event, e.g. {@code changes[1]}; empty for the event itself. */
    String path() {
        return path;
    }

    private String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    String string(String name) {
        JsonElement value = value(name);
        if (value == null) {
            return null;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return value.getAsString();
        }
        wrongType(name, "a string", value);
        return null;
    }

    Instant instant(String name) {
        JsonElement value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            wrongType(name, "an ISO-8601 instant string such as 2026-01-05T10:07:00Z", value);
            return null;
        }
        String text = value.getAsString();
        Optional<Instant> instant = EVENT_INSTANT.matcher(text).matches() ? TimeText.instant(text) : Optional.empty();
        if (instant.isEmpty()) {
            problems.add(path(name), path(name) + " must be an ISO-8601 instant such as 2026-01-05T10:07:00Z, got "
                    + Excerpt.quoted(text));
        } else if (instant.get().isBefore(EARLIEST) || instant.get().isAfter(LATEST)) {
            problems.add(path(name), path(name) + " must lie in the years 0001 to 9999, got " + Excerpt.quoted(text));
            return null;
        }
        return instant.orElse(null);
    }

    Boolean bool(String name) {
        JsonElement value = value(name);
        if (value == null) {
            return null;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()) {
            return value.getAsBoolean();
        }
        wrongType(name, "a boolean (true or false)", value);
        return null;
    }

    /** A JSON number. */
    Double number(String name) {
        JsonElement value = value(name);
        if (value == null) {
            return null;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            return value.getAsDouble();
        }
        wrongType(name, "a number", value);
        return null;
    }

    /** A JSON number without a fraction that fits an int. */
    Integer wholeNumber(String name) {
        JsonElement value = value(name);
        if (value == null) {
            return null;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            double number = value.getAsDouble();
            if (number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        wrongType(name, "a whole number", value);
        return null;
    }

    /** An array of strings; null if absent. Each wrong item is reported with its path {@code name[i]}. */
    List<String> strings(String name) {
        JsonElement value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isJsonArray()) {
            wrongType(name, "an array of strings", value);
            return null;
        }
        List<String> items = new ArrayList<>();
        JsonArray array = value.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            JsonElement item = array.get(i);
            if (item.isJsonPrimitive() && item.getAsJsonPrimitive().isString()) {
                items.add(item.getAsString());
            } else {
                String itemPath = path(name) + "[" + i + "]";
                problems.add(itemPath, itemPath + " must be a string, got " + describe(item));
            }
        }
        return items;
    }

    /** The field's JSON value as it is (null if absent), for values whose type depends on another field. */
    JsonElement element(String name) {
        return value(name);
    }

    /** Whether the field is missing or null (it may still have been read). */
    boolean isAbsent(String name) {
        JsonElement value = object.get(name);
        return value == null || value.isJsonNull();
    }

    /** Reports a problem of a field read with {@link #element(String)}. */
    void problem(String name, String message) {
        problems.add(path(name), message);
    }

    /** The constant whose exact (upper-case) name the field holds. */
    <E extends Enum<E>> E constant(String name, Class<E> type) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        problems.add(path(name), path(name) + " must be one of " + Arrays.stream(constants).map(Enum::name)
                .collect(Collectors.joining(", ")) + ", got " + Excerpt.quoted(text));
        return null;
    }

    /** An array of objects, each read by its own {@code JsonFields} with the path {@code name[i]}; null if absent. */
    List<JsonFields> objects(String name) {
        JsonElement value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isJsonArray()) {
            wrongType(name, "an array of objects", value);
            return null;
        }
        JsonArray array = value.getAsJsonArray();
        List<JsonFields> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path(name) + "[" + i + "]";
            JsonElement item = array.get(i);
            if (item.isJsonObject()) {
                items.add(new JsonFields(item.getAsJsonObject(), itemPath, problems));
            } else {
                problems.add(itemPath, itemPath + " must be an object, got " + describe(item));
            }
        }
        return items;
    }

    /** A nested object, read by its own {@code JsonFields} with the path {@code name}; null if absent. */
    JsonFields object(String name) {
        JsonElement value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isJsonObject()) {
            wrongType(name, "an object", value);
            return null;
        }
        return new JsonFields(value.getAsJsonObject(), path(name), problems);
    }

    /** Reports each field of this object that no read asked for. */
    void rejectUnread() {
        for (String name : object.keySet()) {
            if (!read.contains(name)) {
                String field = path(Excerpt.cut(name, Excerpt.MAX_VALUE));
                problems.add(field, "unknown field " + Excerpt.quoted(path(name)));
            }
        }
    }

    private JsonElement value(String name) {
        read.add(name);
        JsonElement value = object.get(name);
        return value == null || value.isJsonNull() ? null : value;
    }

    private void wrongType(String name, String expected, JsonElement value) {
        problems.add(path(name), path(name) + " must be " + expected + ", got " + describe(value));
    }

    /** The JSON type and (shortened) text of a value, e.g. {@code number 42} or {@code object {"a":1}}. */
    static String describe(JsonElement value) {
        if (value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonObject()) {
            return "object " + Excerpt.cut(value.toString(), Excerpt.MAX_VALUE);
        }
        if (value.isJsonArray()) {
            return "array " + Excerpt.cut(value.toString(), Excerpt.MAX_VALUE);
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isString()) {
            return "string " + Excerpt.quoted(primitive.getAsString());
        }
        return (primitive.isBoolean() ? "boolean " : "number ") + Excerpt.cut(primitive.toString(), Excerpt.MAX_VALUE);
    }
}
