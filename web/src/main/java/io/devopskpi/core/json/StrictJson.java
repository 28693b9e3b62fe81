package io.devopskpi.core.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import io.devopskpi.core.text.Excerpt;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body into a JSON tree strictly (RFC 8259: no comments, unquoted names, single quotes or trailing
 * data), refusing what a plain tree reader lets through: a key given twice in one object (which value counts would
 * depend on the reader, api.md refuses it) and nesting deeper than {@link #MAX_DEPTH} (which would otherwise cost
 * stack and time in every later walk of the tree). The tree is built here, one level of recursion per level of
 * the body, so the depth is checked before it is spent.
 */
public final class StrictJson {
    /**
     * The deepest nesting of arrays and objects a body may have: an event or a gate needs four levels, this leaves
     * room for anything a client may reasonably send.
     */
    public static final int MAX_DEPTH = 64;

    private final JsonReader reader;
    /** Where the reader is: object keys (String) and array indexes (Integer), outermost first. */
    private final List<Object> path = new ArrayList<>();

    private StrictJson(JsonReader reader) {
        this.reader = reader;
    }

    /**
     * The tree of a body.
     *
     * @throws Refused naming where and why: not JSON (path empty), nested too deep (path empty), a duplicate key
     *                 (the path of its second occurrence, ending with the key), or a string holding an unpaired
     *                 surrogate (the path of the string)
     */
    public static JsonElement parse(String body) {
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = new StrictJson(reader).value(1);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new Refused(List.of(), "the body is not valid JSON: unexpected data after the first value"
                        + at(reader));
            }
            return root;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new Refused(List.of(), "the body is not valid JSON: " + reason(e));
        }
    }

    /** A path of {@link Refused#path()} as api.md names fields: {@code changes[1].id}. */
    public static String field(List<Object> path) {
        StringBuilder field = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(step);
            }
        }
        return field.toString();
    }

    private JsonElement value(int depth) throws IOException {
        JsonToken token = reader.peek();
        switch (token) {
            case BEGIN_ARRAY:
                return array(depth);
            case BEGIN_OBJECT:
                return object(depth);
            case STRING:
                return new JsonPrimitive(string());
            case NUMBER:
                return new JsonPrimitive(new LazilyParsedNumber(reader.nextString()));
            case BOOLEAN:
                return new JsonPrimitive(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new IllegalStateException("unexpected " + token + at(reader));
        }
    }

    /**
     * The next string. Gson (since 2.13) refuses an escaped unpaired surrogate ({@code "\ud800"}) in strict mode as
     * malformed JSON; it is a value the events' checks refuse too, so it is refused here naming its field, as they
     * would (api.md, "Limits and robustness"), not as a body that is not JSON.
     */
    private String string() throws IOException {
        try {
            return reader.nextString();
        } catch (MalformedJsonException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Unpaired surrogate")) {
                throw new Refused(path, "must be valid Unicode: an unpaired surrogate" + at(reader));
            }
            throw e;
        }
    }

    private JsonArray array(int depth) throws IOException {
        requireDepth(depth);
        JsonArray array = new JsonArray();
        reader.beginArray();
        for (int index = 0; reader.hasNext(); index++) {
            path.add(index);
            array.add(value(depth + 1));
            path.remove(path.size() - 1);
        }
        reader.endArray();
        return array;
    }

    private JsonObject object(int depth) throws IOException {
        requireDepth(depth);
        JsonObject object = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            path.add(name);
            if (object.has(name)) {
                throw new Refused(path, "duplicate key " + Excerpt.quoted(name) + ": a key may appear only once in"
                        + " an object" + at(reader));
            }
            object.add(name, value(depth + 1));
            path.remove(path.size() - 1);
        }
        reader.endObject();
        return object;
    }

    private void requireDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new Refused(List.of(), "the body is nested more than " + MAX_DEPTH + " levels deep" + at(reader));
        }
    }

    /** Gson's message without the exception class it sometimes prefixes; it carries line, column and path. */
    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int seeHelp = message.indexOf("\nSee ");
        return Excerpt.cut(seeHelp < 0 ? message : message.substring(0, seeHelp), 300);
    }

    private static String at(JsonReader reader) {
        String location = reader.toString();
        int at = location.indexOf(" at line ");
        if (at < 0) {
            return "";
        }
        // Gson's location ends with a JSONPath, as long as the nesting: keep line and column only
        int path = location.indexOf(" path ", at);
        return path < 0 ? location.substring(at) : location.substring(at, path);
    }

    /** A body refused, with where (empty: the body as a whole) and why. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient List<Object> path;

        Refused(List<Object> path, String message) {
            super(message, null, false, false);
            this.path = List.copyOf(path);
        }

        /** Object keys (String) and array indexes (Integer) to the refused key, outermost first; empty for the body. */
        public List<Object> path() {
            return path;
        }
    }
}
