package io.devopskpi.server;

import java.io.PrintStream;

/** A one-line progress bar for a terminal's stderr: {@code shop/deploy [##########----------] 120 builds}. */
final class ProgressBar {
    static final int WIDTH = 20;

    private final PrintStream err;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    /** Redraws the line; {@code total} below 1 when unknown (a bar that fills as pages arrive). */
    void show(String what, int done, int total) {
        int filled = total > 0 ? Math.min(WIDTH, done * WIDTH / total) : Math.min(WIDTH, done % (WIDTH + 1));
        err.print("\r" + what + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done
                + (total > 0 ? " of " + total : "") + " builds");
        err.flush();
    }

    /** Ends the line. */
    void done() {
        err.println();
    }
}
