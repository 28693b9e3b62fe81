package io.devopskpi.core.api;

import io.devopskpi.core.kpi.Bucket;
import io.devopskpi.core.kpi.InvalidQueryException;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiQueryParser;
import io.devopskpi.core.kpi.QueryError;
import io.devopskpi.core.model.Severity;
import io.devopskpi.core.query.Page;
import io.devopskpi.core.text.Excerpt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A request of the read API: its parts parsed (KPI query, page, bucket), every problem of every part collected so
 * that one 400 answer names them all.
 */
final class ReadRequest {
    static final List<String> ALL_SCOPES = KpiQueryParser.SCOPES;
    /** The severity filter of the KPI endpoints (metrics.md, "Severity"). */
    static final String MIN_SEVERITY = "minSeverity";

    private final Map<String, List<String>> parameters;
    private final Instant now;
    private final Predicate<String> visibleApplication;
    private final List<QueryError> errors = new ArrayList<>();

    /** @param visibleApplication the applications the reader may see; null for all */
    ReadRequest(Map<String, List<String>> parameters, Instant now, Predicate<String> visibleApplication) {
        this.parameters = parameters;
        this.now = now;
        this.visibleApplication = visibleApplication;
    }

    /** The applications the reader may see; null for all. */
    Predicate<String> visibleApplication() {
        return visibleApplication;
    }

    /** The KPI query, accepting the given scope parameters and the endpoint's own {@code extra} ones. */
    KpiQuery query(List<String> scopes, Set<String> extra) {
        return collect(() -> KpiQueryParser.parse(parameters, now, scopes, extra));
    }

    Page page() {
        return collect(() -> Page.parse(parameters));
    }

    /** {@code offset} and {@code limit} of a list that answers every item when no limit is given. */
    WholeListPage wholeListPage() {
        Page page = page();
        if (page == null) {
            return WholeListPage.ALL;
        }
        List<String> limit = parameters.get("limit");
        return new WholeListPage(page.offset(), limit == null || limit.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(page.limit()));
    }

    /** {@code bucket=week|month}, week by default. */
    Bucket bucket() {
        List<String> values = parameters.get("bucket");
        if (values == null || values.isEmpty()) {
            return Bucket.WEEK;
        }
        try {
            return Bucket.parse(values.get(0));
        } catch (IllegalArgumentException e) {
            errors.add(new QueryError("bucket", "bucket must be week or month, got "
                    + Excerpt.quoted(values.get(0))));
            return null;
        }
    }

    /**
     * For endpoints without a KPI query: refuses parameters other than {@code known} and repeated ones; the
     * caller reads the values with {@link #optional(String)}.
     */
    void only(Set<String> known) {
        for (String name : new java.util.TreeSet<>(parameters.keySet())) {
            if (!known.contains(name)) {
                errors.add(new QueryError(Excerpt.cut(name, Excerpt.MAX_VALUE), "unknown query parameter "
                        + Excerpt.quoted(name) + " (known: " + String.join(", ", new java.util.TreeSet<>(known))
                        + ")"));
            } else if (parameters.get(name).size() > 1) {
                errors.add(new QueryError(name, name + " must be given at most once"));
            }
        }
    }

    /** A parameter's value, or null when absent or empty (as a form sends "any": {@code application=}). */
    String optional(String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0);
    }

    /**
     * The query with {@code minSeverity=critical|major|minor} applied (metrics.md, "Severity"), or as it is without
     * the parameter; a bad value is refused naming it. The endpoint must list {@code minSeverity} among its extra
     * parameters. Null when the query itself was refused.
     */
    KpiQuery withMinSeverity(KpiQuery query) {
        Severity minimum = minSeverity();
        return query == null || minimum == null ? query : query.withMinSeverity(minimum);
    }

    /** {@code minSeverity=critical|major|minor}, or null when absent or refused (naming it). */
    Severity minSeverity() {
        String text = optional(MIN_SEVERITY);
        if (text == null) {
            return null;
        }
        Optional<Severity> minimum = Severity.minimum(text);
        if (minimum.isEmpty()) {
            refuse(MIN_SEVERITY, "minSeverity must be critical, major or minor, got " + Excerpt.quoted(text));
        }
        return minimum.orElse(null);
    }

    /** Whether any of the parameters was given. */
    boolean hasAny(String... names) {
        for (String name : names) {
            if (parameters.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /** Records a problem of one parameter, answered with the others by {@link #requireValid()}. */
    void refuse(String field, String message) {
        errors.add(new QueryError(field, message));
    }

    /** Ends the request with 400 when any part was refused. */
    void requireValid() {
        if (!errors.isEmpty()) {
            throw new BadRequest(errors);
        }
    }

    /**
     * Runs the engine; its own check of the window against its clock (read a moment after the parser's) is the
     * caller's mistake ({@link InvalidQueryException}), so it answers 400 as the parser would. Any other exception
     * is a fault of the server, not of a parameter, and goes on to the caller (500): a bug must never read as
     * "window: ...".
     */
    static <T> T evaluate(Supplier<T> computation) {
        try {
            return computation.get();
        } catch (InvalidQueryException e) {
            throw new BadRequest(e.errors());
        }
    }


    private <T> T collect(Supplier<T> part) {
        try {
            return part.get();
        } catch (InvalidQueryException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Ends a request with 400 and the errors; {@link ReadApi} turns it into the answer. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<QueryError> errors;

        BadRequest(List<QueryError> errors) {
            super(null, null, false, false);
            this.errors = List.copyOf(errors);
        }

        List<QueryError> errors() {
            return errors;
        }
    }
}
