package io.devopskpi.core.remote;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.devopskpi.core.api.ApiAnswer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read API's answers taken from a central server for a CI's own {@code /api/v1/...} (the Jenkins plugin's
 * dashboard): the request passed on with the read token, the answer passed back as it is; the application list
 * cut down to the applications a reader may see. Who may ask what is the caller's decision, made before.
 */
final class ServerReads {
    private static final String API = "/api/v1/";
    private static final String APPLICATIONS = "applications";
    /** The server's largest page, for reading a whole list. */
    private static final int WHOLE = 500;
    private static final int DEFAULT_LIMIT = 100;
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    private ServerReads() {
    }

    /**
     * The server's answer to {@code GET /api/v1/<endpoint>?<query>}.
     *
     * @throws ServerUnavailableException when it refuses the read token or cannot answer now
     */
    static ApiAnswer forward(CentralServer server, String endpoint, Map<String, List<String>> query) {
        String path = API + segments(endpoint) + queryString(query, List.of());
        HttpResponse<String> response = server.get(path);
        server.requireAvailable(path, response);
        String type = response.headers().firstValue("Content-Type").orElse("application/json");
        String attachment = response.headers().firstValue("Content-Disposition").map(ServerReads::filename)
                .orElse(null);
        return new ApiAnswer(response.statusCode(), type, response.body(), attachment);
    }

    /**
     * The application list of the query (already answered 200 by the server) with only the applications
     * {@code visible} takes, paged by the query's {@code offset} and {@code limit}; its {@code total} counts only
     * those, as the plugin's own store answers it.
     */
    static ApiAnswer applicationsFor(CentralServer server, Map<String, List<String>> query,
            Predicate<String> visible) {
        List<JsonElement> kept = new ArrayList<>();
        for (JsonObject entry : whole(server, API + APPLICATIONS + queryString(query, List.of("offset", "limit")),
                APPLICATIONS)) {
            if (visible.test(entry.get("application").getAsString())) {
                kept.add(entry);
            }
        }
        int offset = number(query, "offset", 0);
        int limit = number(query, "limit", DEFAULT_LIMIT);
        JsonArray shown = new JsonArray();
        kept.subList(Math.min(offset, kept.size()), Math.min(kept.size(), offset + limit)).forEach(shown::add);
        JsonObject json = new JsonObject();
        json.add(APPLICATIONS, shown);
        json.addProperty("total", kept.size());
        json.addProperty("offset", offset);
        json.addProperty("limit", limit);
        return ApiAnswer.json(200, json);
    }

    /**
     * Every entry of a paged list the server answers at {@code pathAndQuery} (without {@code offset} and
     * {@code limit}), read a page of {@value #WHOLE} at a time.
     *
     * @throws ServerUnavailableException when a page is not answered 200 with its {@code items}
     */
    static List<JsonObject> whole(CentralServer server, String pathAndQuery, String items) {
        List<JsonObject> entries = new ArrayList<>();
        first(server, pathAndQuery, items, entry -> {
            entries.add(entry);
            return false;
        });
        return entries;
    }

    /**
     * The first entry {@code wanted} takes of a paged list the server answers at {@code pathAndQuery} (without
     * {@code offset} and {@code limit}), read a page of {@value #WHOLE} at a time until it is found.
     *
     * @throws ServerUnavailableException when a page is not answered 200 with its {@code items}
     */
    static Optional<JsonObject> first(CentralServer server, String pathAndQuery, String items,
            Predicate<JsonObject> wanted) {
        for (int offset = 0; ; offset += WHOLE) {
            String path = pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "offset=" + offset + "&limit="
                    + WHOLE;
            HttpResponse<String> response = server.get(path);
            server.requireAvailable(path, response);
            JsonObject answer = ServerAnswers.object(response.body());
            if (response.statusCode() != 200 || !answer.has(items) || !answer.get(items).isJsonArray()) {
                throw new ServerUnavailableException(server.where(path) + " answered HTTP " + response.statusCode()
                        + ": " + ServerAnswers.error(response.body()));
            }
            JsonArray page = answer.getAsJsonArray(items);
            for (JsonElement entry : page) {
                if (wanted.test(entry.getAsJsonObject())) {
                    return Optional.of(entry.getAsJsonObject());
                }
            }
            if (page.size() < WHOLE || offset + WHOLE >= answer.get("total").getAsInt()) {
                return Optional.empty();
            }
        }
    }

    /** A parameter the server has accepted already (so a number), or its default. */
    private static int number(Map<String, List<String>> query, String name, int fallback) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? fallback
                : Integer.parseInt(values.get(0).trim());
    }

    private static String segments(String endpoint) {
        List<String> encoded = new ArrayList<>();
        for (String segment : endpoint.split("/", -1)) {
            encoded.add(RemoteKpis.encode(segment));
        }
        return String.join("/", encoded);
    }

    private static String queryString(Map<String, List<String>> query, List<String> leftOut) {
        StringBuilder text = new StringBuilder();
        query.forEach((name, values) -> {
            if (!leftOut.contains(name)) {
                for (String value : values) {
                    text.append(text.length() == 0 ? '?' : '&').append(RemoteKpis.encode(name)).append('=')
                            .append(RemoteKpis.encode(value == null ? "" : value));
                }
            }
        });
        return text.toString();
    }

    private static String filename(String disposition) {
        Matcher matcher = FILENAME.matcher(disposition);
        return matcher.find() ? matcher.group(1) : null;
    }
}
