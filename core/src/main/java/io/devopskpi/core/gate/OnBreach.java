package io.devopskpi.core.gate;

/** What the caller does with its build when a gate fails: fail it, mark it unstable, or only warn. */
public enum OnBreach {
    FAILURE, UNSTABLE, WARNING;

    /**
     * The value a caller wrote, in any case; FAILURE when it wrote none.
     *
     * @throws IllegalArgumentException when it is none of the three
     */
    public static OnBreach parse(String text) {
        return text == null ? FAILURE : valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
