package io.devopskpi.core.query;

import io.devopskpi.core.kpi.InvalidQueryException;
import io.devopskpi.core.kpi.QueryError;
import io.devopskpi.core.text.Excerpt;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which slice of a list to answer: skip {@code offset} items, then at most {@code limit}. */
public record Page(int offset, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    /** The most items one answer lists, so that no request makes the server read a whole table at once. */
    public static final int MAX_LIMIT = 500;
    public static final Set<String> PARAMETERS = Set.of("offset", "limit");

    public Page {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_LIMIT + ": " + limit);
        }
    }

    /** Reads one page of a list. */
    @FunctionalInterface
    interface Reader<T> {
        List<T> read(Page page) throws SQLException;
    }

    /** Every item of a list, read a page of {@link #MAX_LIMIT} at a time until one comes back short (exports). */
    static <T> List<T> every(Reader<T> reader) throws SQLException {
        List<T> all = new ArrayList<>();
        List<T> page;
        do {
            page = reader.read(new Page(all.size(), MAX_LIMIT));
            all.addAll(page);
        } while (page.size() == MAX_LIMIT);
        return all;
    }

    public static Page first() {
        return new Page(0, DEFAULT_LIMIT);
    }

    /**
     * The page that the {@code offset} and {@code limit} parameters ask for (defaults 0 and {@link #DEFAULT_LIMIT}).
     *
     * @throws InvalidQueryException naming each parameter that is not a whole number in its range
     */
    public static Page parse(Map<String, List<String>> parameters) {
        List<QueryError> errors = new ArrayList<>();
        int offset = number(parameters, "offset", 0, Integer.MAX_VALUE, 0, errors);
        int limit = number(parameters, "limit", 0, MAX_LIMIT, DEFAULT_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new Page(offset, limit);
    }

    private static int number(Map<String, List<String>> parameters, String name, int min, int max, int absent,
            List<QueryError> errors) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return absent;
        }
        String text = values.get(0);
        String range = name + " must be a whole number from " + min + " to " + max + ", got " + Excerpt.quoted(text);
        if (!text.matches("\\d{1,10}")) {
            errors.add(new QueryError(name, range));
            return absent;
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            errors.add(new QueryError(name, range));
            return absent;
        }
        return (int) value;
    }
}
