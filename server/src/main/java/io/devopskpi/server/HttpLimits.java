package io.devopskpi.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP server protects itself and ends (docs/reliability.md, "Slow clients and connection limits" and
 * "Graceful shutdown"): {@code headerTimeout}, the time a client gets to send a request's headers (it is cut off
 * between this and twice this, {@link HeaderTimeout}); {@code idleTimeout}, how long a connection may stay silent
 * (keep-alive between requests, or a body that stops arriving); {@code maxConnections}, the connections held at
 * once (beyond it the server stops accepting until one closes: the kernel queues the others); {@code shutdownGrace},
 * how long SIGTERM waits for requests in flight before the store is closed.
 */
public record HttpLimits(Duration headerTimeout, Duration idleTimeout, int maxConnections, Duration shutdownGrace) {
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public HttpLimits {
        positive(headerTimeout, "headerTimeout");
        positive(idleTimeout, "idleTimeout");
        positive(shutdownGrace, "shutdownGrace");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
    }

    public static HttpLimits defaults() {
        return new HttpLimits(DEFAULT_HEADER_TIMEOUT, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_SHUTDOWN_GRACE);
    }

    public HttpLimits withMaxConnections(int value) {
        return new HttpLimits(headerTimeout, idleTimeout, value, shutdownGrace);
    }

    public HttpLimits withShutdownGrace(Duration value) {
        return new HttpLimits(headerTimeout, idleTimeout, maxConnections, value);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero: " + value);
        }
    }
}
