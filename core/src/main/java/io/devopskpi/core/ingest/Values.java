package io.devopskpi.core.ingest;

/** How conflict messages show a stored or sent value. */
final class Values {
    private Values() {
    }

    /** Text quoted (so blanks and punctuation are visible), absent as "none", anything else as is. */
    static String show(Object value) {
        if (value == null) {
            return "none";
        }
        return value instanceof String text ? "'" + text + "'" : value.toString();
    }
}
