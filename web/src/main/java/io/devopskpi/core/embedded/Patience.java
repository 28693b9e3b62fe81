package io.devopskpi.core.embedded;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each kind of caller inside a CI server waits for the store before it goes on without it: a page
 * fragment (side panel, list column, portlet, job page), a read of the API, a gate, a look-up made while recording
 * (the last successful deployment, for the change selection), and a step that wants its event stored at once.
 * A caller that waited in vain says "not available" (or queues); the store's work goes on in the background.
 */
public record Patience(Duration page, Duration read, Duration gate, Duration lookup, Duration store) {
    /** Pages and recording under a second, reads 10 s, gates 30 s. */
    public static final Patience DEFAULT = new Patience(Duration.ofMillis(500), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMillis(250), Duration.ofMillis(750));

    public Patience {
        for (Duration d : new Duration[] {page, read, gate, lookup, store}) {
            Objects.requireNonNull(d, "patience");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a patience must be positive: " + d);
            }
        }
    }

    /** "0.5 s", "10 s": how a message names a wait. */
    static String text(Duration wait) {
        long millis = wait.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
                millis / 1000.0);
    }
}
