package io.devopskpi.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Who may call a webhook: the holder of the write token (as bearer), or a tool that presents the hook token as
 * {@code ?token=}. The write token itself is never taken from a URL, where proxies and tools log it; the hook
 * token grants nothing but the webhooks. Neither is logged or echoed (the request log has no query string).
 */
final class HookAuth {
    static final String QUERY = "token";

    private final TokenAuth auth;
    private final TokenHash hookToken;

    /** {@code hookToken} null: only the write token is accepted. */
    HookAuth(TokenAuth auth, String hookToken) {
        this.auth = auth;
        this.hookToken = hookToken == null ? null : TokenHash.of(hookToken);
    }

    void require(Context ctx) {
        String query = ctx.queryParam(QUERY);
        boolean queryMatches = query != null && hookToken != null && hookToken.matches(query);
        if (queryMatches || auth.hasWriteToken(ctx)) {
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer");
        throw ApiException.error(HttpStatus.UNAUTHORIZED.getCode(), "a valid token is required: send the write "
                + "token as 'Authorization: Bearer <token>'"
                + (hookToken == null ? "" : " or the hook token as '?" + QUERY + "=<hook token>'"));
    }
}
