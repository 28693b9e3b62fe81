package io.devopskpi.server;

import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.ingest.EventError;
import io.devopskpi.core.json.EventJson;
import io.devopskpi.core.text.Excerpt;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Reads a request body as UTF-8 text up to a limit, itself, so the limit holds whatever the HTTP library does. */
final class RequestBody {
    /**
     * An over-long body is read and discarded up to this many bytes before answering 413, so that a client still
     * sending receives the answer rather than a reset connection; beyond it, the connection is closed.
     */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private RequestBody() {
    }

    /**
     * The JSON body as text: 415 for a declared content type that is not JSON (none at all is accepted, as some
     * clients send none), 413 over {@code limit} bytes, 400 when it is not UTF-8.
     */
    static String json(Context ctx, int limit) throws IOException {
        requireJsonIfDeclared(ctx);
        return utf8(ctx, limit);
    }

    /** Refuses (415) a declared content type that is not JSON; none at all is accepted, as some clients send none. */
    private static void requireJsonIfDeclared(Context ctx) {
        String declared = ctx.contentType();
        if (declared == null || declared.isBlank()) {
            return;
        }
        String mediaType = declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw ApiException.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "the body must be application/json, got Content-Type " + Excerpt.quoted(declared));
        }
    }

    /** The body as text; 413 when it is over {@code limit} bytes, 400 when it is not UTF-8. */
    static String utf8(Context ctx, int limit) throws IOException {
        InputStream in = ctx.req().getInputStream();
        if (ctx.req().getContentLengthLong() > limit) {
            throw tooLarge(ctx, in, limit);
        }
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw tooLarge(ctx, in, limit);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST.getCode(), ApiJson.eventErrors(List.of(
                    new EventError(null, EventJson.BODY, "the body is not UTF-8 text"))));
        }
    }

    private static ApiException tooLarge(Context ctx, InputStream in, int limit) throws IOException {
        long left = DRAIN_LIMIT;
        byte[] discard = new byte[64 * 1024];
        int read;
        while (left > 0 && (read = in.read(discard, 0, (int) Math.min(discard.length, left))) >= 0) {
            left -= read;
        }
        if (left <= 0) {
            ctx.header("Connection", "close");
        }
        return ApiException.error(HttpStatus.CONTENT_TOO_LARGE.getCode(), "the body is larger than "
                + (limit / (1024 * 1024)) + " MiB (" + limit + " bytes)");
    }
}
