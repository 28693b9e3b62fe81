package io.devopskpi.core.remote;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A devops-kpi server that a CI (the Jenkins plugin) sends its events to and reads its KPIs from: its base URL, the
 * write token and the optional read token (asked for on every request, so a changed credential applies at once),
 * and the JDK's HTTP client with a connect and a request timeout. Tokens go only into the Authorization header:
 * no message of this class names one.
 */
public final class CentralServer {
    /** How long a connection and a whole request may take by default. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final Supplier<String> writeToken;
    private final Supplier<String> readToken;
    private final HttpClient client;
    private final Duration requestTimeout;

    /**
     * @param readToken the token reads present (null or answering null: the write token, which the server accepts
     *     for reads as well)
     */
    public CentralServer(URI base, Supplier<String> writeToken, Supplier<String> readToken, Duration connectTimeout,
            Duration requestTimeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.writeToken = Objects.requireNonNull(writeToken, "writeToken");
        this.readToken = readToken == null ? () -> null : readToken;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.requestTimeout = requestTimeout;
    }

    public CentralServer(URI base, Supplier<String> writeToken, Supplier<String> readToken) {
        this(base, writeToken, readToken, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    /**
     * The server's base URL of a setting: http or https with a host, without a trailing slash or query.
     *
     * @throws IllegalArgumentException naming the value when it is none
     */
    public static URI url(String text) {
        String trimmed = text == null ? "" : text.trim().replaceAll("/+$", "");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("serverUrl must be an http or https URL, got '" + shown(text) + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("serverUrl must be an http or https URL with a host and without "
                    + "user, query or fragment, got '" + shown(text) + "'");
        }
        return uri;
    }

    /** A URL setting as messages may quote it: a password written into it ({@code //user:secret@}) left out. */
    public static String shown(String text) {
        return text == null ? null : text.replaceAll("//[^/@\\s]*@", "//…@");
    }

    public URI base() {
        return base;
    }

    /** {@code path} (from {@code /api/v1/...}) on this server, as messages name it. */
    public String where(String path) {
        return base + path;
    }

    /**
     * A JSON POST with the write token.
     *
     * @throws ServerUnavailableException when no write token is set, or the server cannot be reached in time
     */
    public HttpResponse<String> postWithWriteToken(String path, String json) {
        String token = writeToken.get();
        if (token == null || token.isEmpty()) {
            throw new ServerUnavailableException("no write token for " + where(path) + ": choose its credentials in "
                    + "the devops-kpi settings");
        }
        return send(path, HttpRequest.newBuilder(URI.create(where(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), token);
    }

    /** A JSON POST with the read token (a read such as the gate). */
    public HttpResponse<String> postWithReadToken(String path, String json) {
        return send(path, HttpRequest.newBuilder(URI.create(where(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), reading());
    }

    /** A GET with the read token; {@code pathAndQuery} already percent-encoded. */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(pathAndQuery, HttpRequest.newBuilder(URI.create(where(pathAndQuery))).GET(), reading());
    }

    /** A GET without any token (the health check, which is always public). */
    public HttpResponse<String> getPublic(String path) {
        return send(path, HttpRequest.newBuilder(URI.create(where(path))).GET(), null);
    }

    private String reading() {
        String read = readToken.get();
        return read == null || read.isEmpty() ? writeToken.get() : read;
    }

    private HttpResponse<String> send(String path, HttpRequest.Builder request, String token) {
        request.timeout(requestTimeout).header("Accept", "application/json");
        if (token != null && !token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ServerUnavailableException(where(path) + " did not answer within " + requestTimeout.toSeconds()
                    + " s", e);
        } catch (IOException e) {
            // a refused connection has no message, only its type
            throw new ServerUnavailableException("cannot reach " + where(path) + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnavailableException("interrupted while asking " + where(path), e);
        }
    }

    /**
     * @throws ServerUnavailableException when the answer says "not now" (401/403: the token is refused; 429; 5xx),
     *     naming the URL and the status, never the token
     */
    public void requireAvailable(String path, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ServerUnavailableException(where(path) + " refused the token (HTTP " + status + "): check the "
                    + "credentials chosen in the devops-kpi settings");
        }
        if (status == 429 || status >= 500) {
            throw new ServerUnavailableException(where(path) + " answered HTTP " + status + ": "
                    + ServerAnswers.error(response.body()));
        }
    }
}
