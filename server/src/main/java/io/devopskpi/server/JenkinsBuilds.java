package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.devopskpi.core.changes.ChangeSelection;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A job's builds read through Jenkins' remote API: {@code job/A/job/B/api/json?tree=allBuilds[...]{M,N}}, page by
 * page ({@code allBuilds} is every build Jenkins keeps, newest first; {@code builds} would stop at 100). Each build
 * with its number, result, start, duration, URL, build parameters and the commits of its change sets (Pipeline's
 * {@code changeSets}, a freestyle build's {@code changeSet}). Basic authentication with a user's API token.
 */
final class JenkinsBuilds {
    static final String ITEMS = "items[commitId,timestamp,authorEmail,author[id]]";
    static final String TREE = "allBuilds[number,result,building,timestamp,duration,url,"
            + "actions[parameters[name,value]],changeSets[" + ITEMS + "],changeSet[" + ITEMS + "]]";

    /** One build as Jenkins reported it; {@code result} null while it runs. */
    record Build(int number, String result, long timestamp, long duration, String url,
            Map<String, String> parameters, List<ChangeSelection.Commit> commits) {
    }

    /** Jenkins answered something other than a job's builds, or could not be asked. */
    static final class JenkinsException extends Exception {
        private static final long serialVersionUID = 1L;

        JenkinsException(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final String jenkins;
    private final String authorization;
    private final int pageSize;

    JenkinsBuilds(HttpClient client, String jenkins, String user, String apiToken, int pageSize) {
        this.client = client;
        this.jenkins = jenkins.replaceAll("/+$", "");
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
        this.pageSize = pageSize;
    }

    /** {@code folder/shop} → {@code https://ci.example/job/folder/job/shop/}. */
    String jobUrl(String fullName) {
        StringBuilder url = new StringBuilder(jenkins).append('/');
        for (String segment : fullName.split("/")) {
            url.append("job/").append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                    .append('/');
        }
        return url.toString();
    }

    /** Every build of the job, newest first; {@code progress} hears the number read so far after each page. */
    List<Build> all(String job, IntConsumer progress) throws JenkinsException, InterruptedException {
        List<Build> builds = new ArrayList<>();
        for (int from = 0; ; from += pageSize) {
            JsonArray page = page(job, from, from + pageSize);
            for (JsonElement element : page) {
                builds.add(build(element.getAsJsonObject(), job));
            }
            progress.accept(builds.size());
            if (page.size() < pageSize) {
                return builds;
            }
        }
    }

    private JsonArray page(String job, int from, int to) throws JenkinsException, InterruptedException {
        String url = jobUrl(job) + "api/json?tree=" + URLEncoder.encode(TREE + "{" + from + "," + to + "}",
                StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            throw new JenkinsException("cannot reach " + jenkins + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (response.statusCode() == 404) {
            throw new JenkinsException("Jenkins knows no job '" + job + "' (HTTP 404 for " + jobUrl(job) + ")");
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new JenkinsException("Jenkins refused the user or API token (HTTP " + response.statusCode()
                    + ") for job '" + job + "'");
        }
        if (response.statusCode() != 200) {
            throw new JenkinsException("Jenkins answered HTTP " + response.statusCode() + " for job '" + job + "'");
        }
        try {
            JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
            JsonElement builds = answer.get("allBuilds");
            return builds == null || builds.isJsonNull() ? new JsonArray() : builds.getAsJsonArray();
        } catch (JsonParseException | IllegalStateException e) {
            throw new JenkinsException("Jenkins' answer for job '" + job + "' is not a job's JSON: "
                    + e.getMessage());
        }
    }

    private static Build build(JsonObject json, String job) throws JenkinsException {
        try {
            boolean building = json.has("building") && json.get("building").getAsBoolean();
            String result = building || !json.has("result") || json.get("result").isJsonNull() ? null
                    : json.get("result").getAsString();
            return new Build(json.get("number").getAsInt(), result, json.get("timestamp").getAsLong(),
                    json.has("duration") ? json.get("duration").getAsLong() : 0, text(json, "url"),
                    parameters(json), commits(json));
        } catch (RuntimeException e) {
            throw new JenkinsException("a build of job '" + job + "' lacks number or timestamp: " + json);
        }
    }

    private static Map<String, String> parameters(JsonObject build) {
        Map<String, String> parameters = new HashMap<>();
        for (JsonElement action : array(build, "actions")) {
            if (action.isJsonObject()) {
                for (JsonElement parameter : array(action.getAsJsonObject(), "parameters")) {
                    JsonObject p = parameter.getAsJsonObject();
                    String name = text(p, "name");
                    JsonElement value = p.get("value");
                    if (name != null && value != null && value.isJsonPrimitive()) {
                        parameters.put(name, value.getAsString());
                    }
                }
            }
        }
        return parameters;
    }

    private static List<ChangeSelection.Commit> commits(JsonObject build) {
        List<JsonElement> sets = new ArrayList<>();
        array(build, "changeSets").forEach(sets::add);
        if (build.has("changeSet") && build.get("changeSet").isJsonObject()) {
            sets.add(build.get("changeSet"));
        }
        List<ChangeSelection.Commit> commits = new ArrayList<>();
        for (JsonElement set : sets) {
            for (JsonElement element : array(set.getAsJsonObject(), "items")) {
                JsonObject item = element.getAsJsonObject();
                String author = item.has("author") && item.get("author").isJsonObject()
                        ? text(item.getAsJsonObject("author"), "id") : null;
                commits.add(new ChangeSelection.Commit(text(item, "commitId"),
                        item.has("timestamp") && !item.get("timestamp").isJsonNull()
                                ? item.get("timestamp").getAsLong() : -1,
                        author != null ? author : text(item, "authorEmail")));
            }
        }
        return commits;
    }

    private static JsonArray array(JsonObject json, String field) {
        JsonElement value = json.get(field);
        return value != null && value.isJsonArray() ? value.getAsJsonArray() : new JsonArray();
    }

    private static String text(JsonObject json, String field) {
        JsonElement value = json.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
