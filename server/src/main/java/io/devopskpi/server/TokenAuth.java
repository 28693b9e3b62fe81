package io.devopskpi.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Bearer-token checks: writes need the write token; reads need the read token (or the write token) only when
 * one is configured. Tokens and the Authorization header are never logged or echoed.
 */
final class TokenAuth {
    private static final String BEARER = "Bearer ";

    /** The writer the server's own write token stands for in the log. */
    static final String DEFAULT_WRITER = "default";

    private final TokenHash write;
    private final NamedWriters writers;
    private final TokenHash read;

    /** {@code read} null: reads are public. */
    TokenAuth(TokenHash write, TokenHash read) {
        this(write, null, read);
    }

    /** {@code writers} null: only the server's own write token writes. */
    TokenAuth(TokenHash write, NamedWriters writers, TokenHash read) {
        this.write = write;
        this.writers = writers;
        this.read = read;
    }

    /** @return the writer's name ({@link #DEFAULT_WRITER} for the server's own write token), for the log */
    String requireWrite(Context ctx) {
        String writer = writer(ctx);
        if (writer == null) {
            throw unauthorized(ctx, "a valid write token is required: send 'Authorization: Bearer <token>'");
        }
        return writer;
    }

    /**
     * Only the server's own write token ({@code DEVOPS_KPI_API_TOKEN} or the generated one), not a named writer's:
     * for what hands out the whole store. 401 without any write token, 403 with a named writer's.
     */
    void requireOwnWriteToken(Context ctx) {
        String token = bearer(ctx);
        String writer = writer(ctx);
        if (writer == null) {
            throw unauthorized(ctx, "a valid write token is required: send 'Authorization: Bearer <token>'");
        }
        if (!write.matches(token)) {
            throw ApiException.error(HttpStatus.FORBIDDEN.getCode(), "only the server's own write token may do "
                    + "this, not a named writer's (writer '" + writer + "')");
        }
    }

    /** Whether the request carries a write token as bearer. */
    boolean hasWriteToken(Context ctx) {
        return writer(ctx) != null;
    }

    /** The writer whose token the request carries, or null; every token is compared, whichever matches. */
    private String writer(Context ctx) {
        String token = bearer(ctx);
        if (token == null) {
            return null;
        }
        boolean own = write.matches(token);
        String named = writers == null ? null : writers.nameOf(token);
        return own ? DEFAULT_WRITER : named;
    }

    /**
     * Whom the request's token stands for, for per-client limits: {@code writer <name>}, {@code read token}, or
     * null (no token, or one that matches none). Never the token itself.
     */
    String holder(Context ctx) {
        String writer = writer(ctx);
        if (writer != null) {
            return "writer " + writer;
        }
        String token = bearer(ctx);
        return read != null && token != null && read.matches(token) ? "read token" : null;
    }

    void requireRead(Context ctx) {
        if (read == null) {
            return;
        }
        String token = bearer(ctx);
        // all are compared, so timing does not tell which token a guess came closer to
        boolean readMatches = token != null && read.matches(token);
        boolean writeMatches = writer(ctx) != null;
        if (!readMatches && !writeMatches) {
            throw unauthorized(ctx, "a valid read token is required: send 'Authorization: Bearer <token>'");
        }
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private static ApiException unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer");
        return ApiException.error(HttpStatus.UNAUTHORIZED.getCode(), message);
    }
}
