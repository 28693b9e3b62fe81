package io.devopskpi.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of this API, shipped in the jar beside this class.
 * Public like the health check: it holds no data, and a client needs it before it has a token.
 */
final class OpenApiHandler implements Handler {
    static final String RESOURCE = "openapi.json";

    private final byte[] description;

    OpenApiHandler() {
        this.description = load();
    }

    /** The description's text, read once from the classpath. */
    static byte[] load() {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE + " beside " + OpenApiHandler.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(Context ctx) {
        ctx.status(HttpStatus.OK).contentType(JsonAnswers.CONTENT_TYPE).result(description);
    }
}
