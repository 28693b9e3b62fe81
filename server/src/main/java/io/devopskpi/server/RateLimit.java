package io.devopskpi.server;

import java.time.Duration;
import java.util.Locale;

/**
 * How many requests one client may send: {@code requests} per {@code period}, all at once or spread out (a
 * bucket of {@code requests} refilled evenly over the period). {@code requests} 0: no limit.
 */
record RateLimit(int requests, Duration period) {
    /** Generous: a CI, a dashboard page with its assets and a Prometheus scrape stay far below it. */
    static final RateLimit DEFAULT = new RateLimit(100, Duration.ofSeconds(1));
    static final RateLimit OFF = new RateLimit(0, Duration.ofSeconds(1));

    RateLimit {
        if (requests < 0) {
            throw new IllegalArgumentException("the number of requests must not be negative: " + requests);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period must be longer than zero: " + period);
        }
    }

    boolean isOff() {
        return requests == 0;
    }

    /** {@code 50/s}, {@code 600/min}, {@code 10000/h} or {@code off}. */
    static RateLimit parse(String text) {
        String given = text.strip().toLowerCase(Locale.ROOT);
        if (given.equals("off")) {
            return OFF;
        }
        int slash = given.indexOf('/');
        if (slash > 0) {
            Duration period = switch (given.substring(slash + 1)) {
                case "s" -> Duration.ofSeconds(1);
                case "min" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                default -> null;
            };
            try {
                int requests = Integer.parseInt(given.substring(0, slash));
                if (period != null && requests > 0) {
                    return new RateLimit(requests, period);
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted forms
            }
        }
        throw new IllegalArgumentException("must be a number of requests per s, min or h (as 50/s or 600/min) "
                + "or 'off', got '" + text + "'");
    }

    /** As {@link #parse} reads it: {@code 100/s}. */
    @Override
    public String toString() {
        if (isOff()) {
            return "off";
        }
        String unit = period.equals(Duration.ofSeconds(1)) ? "s" : period.equals(Duration.ofMinutes(1)) ? "min"
                : period.equals(Duration.ofHours(1)) ? "h" : period.toString();
        return requests + "/" + unit;
    }
}
