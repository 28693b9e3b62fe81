package io.devopskpi.core.hooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Reads a mapping's field path ({@link HookMapping}) from an alert: the text found there, or null. */
final class FieldPath {
    private FieldPath() {
    }

    static String read(JsonElement alert, String path) {
        JsonElement current = alert;
        for (String segment : path.split("\\.")) {
            if (current instanceof JsonObject object) {
                current = object.get(segment);
            } else if (current instanceof JsonArray list) {
                current = tag(list, segment);
            } else {
                return null;
            }
            if (current == null || current.isJsonNull()) {
                return null;
            }
        }
        if (current instanceof JsonPrimitive primitive) {
            String text = primitive.getAsString().trim();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    /** The value of the tag {@code key:value} or {@code key=value} in a list of strings. */
    private static JsonElement tag(JsonArray tags, String key) {
        for (JsonElement tag : tags) {
            if (tag instanceof JsonPrimitive text && text.isString()) {
                String value = text.getAsString();
                if (value.length() > key.length() && value.startsWith(key)
                        && (value.charAt(key.length()) == ':' || value.charAt(key.length()) == '=')) {
                    return new JsonPrimitive(value.substring(key.length() + 1));
                }
            }
        }
        return null;
    }
}
