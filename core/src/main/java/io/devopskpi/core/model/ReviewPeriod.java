package io.devopskpi.core.model;

import java.time.Duration;

/**
 * How often a contract target is reviewed: every calendar month or every calendar quarter (in the zone the review
 * names). A gate derived from targets looks back over {@link #gateWindow()}.
 */
public enum ReviewPeriod {
    MONTH(Duration.ofDays(30)), QUARTER(Duration.ofDays(91));

    private final Duration gateWindow;

    ReviewPeriod(Duration gateWindow) {
        this.gateWindow = gateWindow;
    }

    /** A fixed-length stand-in for the calendar period, for rolling gate windows: 30 or 91 days. */
    public Duration gateWindow() {
        return gateWindow;
    }
}
