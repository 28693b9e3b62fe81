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
        if (text == null) {
            return FAILURE;
        }
        for (OnBreach value : values()) {
            if (value.name().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("onBreach must be FAILURE, UNSTABLE or WARNING: "
                + io.devopskpi.core.text.Excerpt.quoted(text));
    }
}
