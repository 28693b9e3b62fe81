package io.devopskpi.core.text;

/**
 * Client-supplied text as error messages quote it: cut to a short prefix, so that a megabyte-long value is not
 * echoed back in an error body or a log line.
 */
public final class Excerpt {
    /** Characters of a value an error message quotes at most. */
    public static final int MAX_VALUE = 80;

    private Excerpt() {
    }

    /** The value in single quotes, cut after {@link #MAX_VALUE} characters with a note of its full length. */
    public static String quoted(String value) {
        return "'" + cut(value, MAX_VALUE) + "'";
    }

    /** The text itself when short enough, else its first {@code max} characters and its length. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "… (" + text.length() + " characters)";
    }
}
