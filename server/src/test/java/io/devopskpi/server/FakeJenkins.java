package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jenkins remote API on the JDK's HTTP server: {@code job/.../api/json?tree=allBuilds[...]{M,N}} answered with
 * the slice M (inclusive) to N (exclusive) of a job's recorded builds, newest first, as Jenkins does; Basic
 * authentication required; a job can be made to fail (HTTP 500) to interrupt an import.
 */
final class FakeJenkins implements AutoCloseable {
    static final String USER = "importer";
    static final String API_TOKEN = "11e8e294cee85ee88b60d99328284d76";
    private static final Pattern RANGE = Pattern.compile("allBuilds\\[.*]\\{(\\d+),(\\d+)}$");

    private final HttpServer server;
    private final Map<String, JsonArray> jobs = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    final List<String> ranges = new ArrayList<>();

    FakeJenkins() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** Jenkins' root URL, with its final slash. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Records a job's builds (a JSON array, newest first) with {@code ${JENKINS}} replaced by {@link #url()}. */
    void job(String path, String builds) {
        jobs.put(path, JsonParser.parseString(builds.replace("${JENKINS}", url())).getAsJsonArray());
    }

    void failing(String path, boolean fail) {
        if (fail) {
            failing.add(path);
        } else {
            failing.remove(path);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + API_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        String path = exchange.getRequestURI().getPath();
        String job = path.replaceFirst("/api/json$", "");
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "<html>Unauthorized</html>");
        } else if (failing.contains(job)) {
            send(exchange, 500, "<html>Oops</html>");
        } else if (!path.endsWith("/api/json") || !jobs.containsKey(job)) {
            send(exchange, 404, "<html>Not Found</html>");
        } else {
            Matcher range = RANGE.matcher(exchange.getRequestURI().getQuery().replaceFirst("^tree=", ""));
            if (!range.find()) {
                send(exchange, 400, "<html>tree without a range</html>");
                return;
            }
            synchronized (ranges) {
                ranges.add(job + "{" + range.group(1) + "," + range.group(2) + "}");
            }
            JsonArray all = jobs.get(job);
            JsonArray slice = new JsonArray();
            for (int i = Integer.parseInt(range.group(1)); i < Math.min(all.size(), Integer.parseInt(range.group(2)));
                    i++) {
                slice.add(all.get(i));
            }
            JsonObject answer = new JsonObject();
            answer.addProperty("_class", "org.jenkinsci.plugins.workflow.job.WorkflowJob");
            answer.add("allBuilds", slice);
            send(exchange, 200, answer.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json;charset=utf-8"
                : "text/html");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
