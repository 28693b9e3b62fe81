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
        if (value.isBlank()) {
            throw new InvalidEventException(field, field + " must not be blank (" + event + "): '" + value + "'");
        }
        if (value.length() > maxLength) {
            throw new InvalidEventException(field, field + " must be at most " + maxLength + " characters ("
                    + event + "): " + value.length() + " characters");
        }
        return value;
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
