package io.devopskpi.server;

import io.javalin.http.Context;

/** Headers every answer carries: no MIME sniffing, resources from this origin only, no referrer leaks. */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'self'");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
