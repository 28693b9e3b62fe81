package io.jenkins.plugins.devopskpi.hooks;

import com.google.gson.JsonObject;
import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.hooks.AlertSource;
import io.devopskpi.core.hooks.HookResult;
import io.devopskpi.core.hooks.UnmappedAlerts;
import io.devopskpi.core.hooks.UnmappedAlertsJson;
import io.devopskpi.core.ingest.EventConflictException;
import io.devopskpi.core.ingest.EventError;
import io.devopskpi.core.ingest.InvalidEventsException;
import io.devopskpi.core.json.EventJson;
import io.devopskpi.core.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code POST /devops-kpi/hooks/<tool>} without Jenkins: who may call (the webhook token of the global
 * configuration, as {@code Authorization: Bearer} or {@code ?token=}, compared in constant time), what is accepted
 * (POST, JSON, at most {@link #MAX_BODY} bytes of UTF-8) and the answers, as the server's {@code /api/v1/hooks/}
 * gives them (api.md). {@link KpiHooks} carries it over Stapler.
 */
public final class HookEndpoint {
    /** One notification is small; Alertmanager's largest groups stay far below this (as the server's limit). */
    public static final int MAX_BODY = 4 * 1024 * 1024;
    static final String QUERY = "token";

    private final Supplier<String> token;
    private final Receiver receiver;

    /** Stores what a payload says, as web's HookService does. */
    @FunctionalInterface
    public interface Receiver {
        HookResult receive(AlertSource source, String body);
    }

    /** The request body, read only once the caller is known (at most {@link #MAX_BODY} + 1 bytes). */
    @FunctionalInterface
    public interface Body {
        byte[] read() throws IOException;
    }

    /** An HTTP answer: status, JSON body, and whether to ask for a bearer token. */
    public record Answer(int status, String body, boolean challenge) {
    }

    /** @param token the configured webhook token, null when none is configured (then every call is refused) */
    public HookEndpoint(Supplier<String> token, Receiver receiver) {
        this.token = token;
        this.receiver = receiver;
    }

    /**
     * @param path the rest of the path below {@code hooks}, e.g. {@code /alertmanager}
     * @param body the request body, read after the token was checked (never for a caller without it)
     */
    public Answer answer(String method, String path, String authorization, String queryToken, String contentType,
            Body body) throws IOException {
        AlertSource source = source(path);
        if (source == null) {
            return error(404, "no webhook at '" + path + "': POST to hooks/alertmanager, hooks/pagerduty or "
                    + "hooks/opsgenie");
        }
        if (!"POST".equals(method)) {
            return error(405, "the webhook takes POST only");
        }
        String expected = token.get();
        if (expected == null || expected.isEmpty()) {
            return error(403, "the webhooks are off: no webhook token is configured (Manage Jenkins > System > "
                    + "DevOps KPIs > Webhook token)");
        }
        if (!matches(expected, bearer(authorization)) && !matches(expected, queryToken)) {
            return new Answer(401, ApiJson.text(ApiJson.error("a valid webhook token is required: send it as "
                    + "'Authorization: Bearer <token>' or as '?" + QUERY + "=<token>'")), true);
        }
        if (contentType != null && !contentType.isBlank()) {
            String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
                return error(415, "the body must be application/json, got Content-Type '" + contentType + "'");
            }
        }
        byte[] bytes = body.read();
        if (bytes.length > MAX_BODY) {
            return error(413, "the body is larger than 4 MiB (" + MAX_BODY + " bytes)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Answer(400, ApiJson.text(ApiJson.eventErrors(List.of(new EventError(null, EventJson.BODY,
                    "the body is not UTF-8 text")))), false);
        }
        HookResult result;
        try {
            result = receiver.receive(source, text);
        } catch (InvalidEventsException e) {
            return new Answer(400, ApiJson.text(ApiJson.eventErrors(e.errors())), false);
        } catch (EventConflictException e) {
            JsonObject conflict = ApiJson.error(e.getMessage());
            conflict.addProperty("index", e.index());
            return new Answer(409, ApiJson.text(conflict), false);
        } catch (StoreException e) {
            return error(503, "KPIs are not available: " + e.getMessage());
        }
        return new Answer(200, ApiJson.text(result.json()), false);
    }

    /**
     * {@code GET hooks/unmapped}: the same answer as the server's {@code GET /api/v1/hooks/unmapped}: the count, per
     * tool, and the last ones kept with what was looked at.
     */
    public static String unmapped(UnmappedAlerts unmapped) {
        return ApiJson.text(UnmappedAlertsJson.of(unmapped));
    }

    private static AlertSource source(String path) {
        String name = path == null ? "" : path.replaceAll("^/+|/+$", "");
        for (AlertSource source : AlertSource.values()) {
            if (source.key().equals(name)) {
                return source;
            }
        }
        return null;
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    /** Constant time in the presented token's content (MessageDigest.isEqual), so timing tells nothing. */
    static boolean matches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer error(int status, String message) {
        return new Answer(status, ApiJson.text(ApiJson.error(message)), false);
    }
}
