package io.devopskpi.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Bearer-token checks: writes need the write token; reads need the read token (or the write token) only when
 * one is configured. Tokens and the Authorization header are never logged or echoed.
 */
final class TokenAuth {
    private static final String BEARER = "Bearer ";

    private final TokenHash write;
    private final TokenHash read;

    /** {@code read} null: reads are public. */
    TokenAuth(TokenHash write, TokenHash read) {
        this.write = write;
        this.read = read;
    }

    void requireWrite(Context ctx) {
        if (!hasWriteToken(ctx)) {
            throw unauthorized(ctx, "a valid write token is required: send 'Authorization: Bearer <token>'");
        }
    }

    /** Whether the request carries the write token as bearer. */
    boolean hasWriteToken(Context ctx) {
        String token = bearer(ctx);
        return token != null && write.matches(token);
    }

    void requireRead(Context ctx) {
        if (read == null) {
            return;
        }
        String token = bearer(ctx);
        // both are compared, so timing does not tell which token a guess came closer to
        boolean readMatches = token != null && read.matches(token);
        boolean writeMatches = token != null && write.matches(token);
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
