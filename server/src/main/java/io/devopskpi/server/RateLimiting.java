package io.devopskpi.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * Runs before every request but health checks: counts it against its client's {@link RequestRates} and refuses it
 * with 429 and {@code Retry-After} when the client is over its limit. A client is the writer whose token the
 * request carries, the read token, or, for any other request (none or a wrong token), the address it comes from
 * (behind a reverse proxy, the proxy's: its clients share one budget). Never names or logs a token.
 */
final class RateLimiting implements Handler {
    static final String HEALTH = "/api/v1/health";

    private final TokenAuth auth;
    private final RequestRates rates;

    RateLimiting(TokenAuth auth, RequestRates rates) {
        this.auth = auth;
        this.rates = rates;
    }

    @Override
    public void handle(Context ctx) {
        if (rates.limit().isOff() || ctx.path().equals(HEALTH)) {
            return;
        }
        String holder = auth.holder(ctx);
        long retryAfter = rates.take(holder != null ? holder : "address " + ctx.ip());
        if (retryAfter > 0) {
            ctx.header("Retry-After", Long.toString(retryAfter));
            throw ApiException.error(HttpStatus.TOO_MANY_REQUESTS.getCode(), "too many requests from this client "
                    + "(the limit is " + rates.limit() + "): retry after " + retryAfter + " s");
        }
    }
}
