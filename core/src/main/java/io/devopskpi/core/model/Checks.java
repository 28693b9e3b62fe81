package io.devopskpi.core.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Objects;

/** Construction-time checks shared by the event types; every message names field, event and value. */
final class Checks {
    /** Reserved for "no assignment"; refused as an explicit supplier or team name. */
    static final String UNASSIGNED = "unassigned";

    static final int MAX_ID = 512;
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 2048;
    /** Changes one deployment may list: far more than any run ships, few enough to store in one transaction. */
    static final int MAX_CHANGES = 10_000;
    static final int MAX_COMPONENTS = 1_000;

    private Checks() {
    }

    static String required(String value, String field, String event, int maxLength) {
        if (value == null) {
            throw new InvalidEventException(field, field + " is required (" + event + ")");
        }
        return optional(value, field, event, maxLength);
    }

    static String optional(String value, String field, String event, int maxLength) {
        if (value == null) {
            return null;
        }
        // the length first, so that the blank message never quotes megabytes of white space
        if (value.length() > maxLength) {
            throw new InvalidEventException(field, field + " must be at most " + maxLength + " characters ("
                    + event + "): " + value.length() + " characters");
        }
        if (looksBlank(value)) {
            throw new InvalidEventException(field, field + " must not be blank (" + event + "): '" + value + "'");
        }
        unstorable(value, field, event);
        return value;
    }

    /**
     * Blank to a reader: only white space in the widest sense (also U+00A0 and the other space separators, which
     * {@link String#isBlank} lets through), invisible format characters (U+200B, U+FEFF…) and control characters.
     */
    private static boolean looksBlank(String value) {
        return value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    /**
     * NUL and unpaired surrogates: PostgreSQL cannot store the first and stores the second as '?', so both stores
     * would answer differently (a 503, then a 409 on re-send); refused on every store alike.
     */
    private static void unstorable(String value, String field, String event) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new InvalidEventException(field, field + " must not contain the NUL character U+0000 (" + event
                        + "), at position " + i);
            }
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidEventException(field, field + " must be valid Unicode (" + event
                        + "): an unpaired surrogate at position " + i);
            }
        }
    }

    static String ownerName(String value, String field, String event) {
        String checked = optional(value, field, event, MAX_NAME);
        if (UNASSIGNED.equals(checked)) {
            throw new InvalidEventException(field, field + " must not be the reserved name 'unassigned' ("
                    + event + "): '" + value + "'");
        }
        return checked;
    }

    /** Storage keeps microseconds (PostgreSQL's precision), so the model does too: a re-send compares equal. */
    static Instant micros(Instant value) {
        return value == null ? null : value.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    static <T> T present(T value, String field, String event) {
        if (value == null) {
            throw new InvalidEventException(field, field + " is required (" + event + ")");
        }
        return value;
    }

    static void notBefore(Instant later, String laterField, Instant earlier, String earlierField, String event) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            throw new InvalidEventException(laterField, laterField + " must not be before " + earlierField
                    + " (" + event + "): " + later);
        }
    }

    static String httpUrl(String value, String field, String event) {
        String url = optional(value, field, event, MAX_TEXT);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new InvalidEventException(field, field + " must be an http or https URL (" + event + "): '"
                        + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new InvalidEventException(field, field + " must be an http or https URL (" + event + "): '"
                    + url + "'");
        }
        return url;
    }

    static String quote(String id) {
        return "'" + Objects.toString(id, "?") + "'";
    }
}
