package io.devopskpi.server;

import io.javalin.http.Context;
import java.util.Map;

/**
 * Headers every answer carries: no MIME sniffing, resources from this origin only (the dashboard has no inline
 * script or style, so the policy needs no exception), never shown inside another site's frame, no referrer leaks.
 * API answers are not to be stored by caches (they may be confidential when reads need a token).
 */
final class SecurityHeaders {
    static final Map<String, String> ALL = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'self'; base-uri 'none'; object-src 'none'; "
                    + "form-action 'self'; frame-ancestors 'none'",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ALL.forEach(ctx::header);
        String path = ctx.path();
        if (path.startsWith("/api/") || path.equals("/metrics")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
