package io.devopskpi.core.kpi;

import io.devopskpi.core.text.Excerpt;
import io.devopskpi.core.text.TimeText;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the query parameters of api.md's KPI endpoints ({@code application|team|supplier}, {@code environment},
 * {@code from}+{@code to} or {@code window}, {@code zone}) into a {@link KpiQuery}, reporting every problem at
 * once, each naming its parameter.
 */
public final class KpiQueryParser {
    /**
     * The longest window answered. Calendar buckets (weeks, months) are computed per window, so an absurd window
     * such as P999999999W would cost time without telling anyone anything; a century covers any real history.
     */
    public static final Duration MAX_WINDOW = Duration.ofDays(36_525);

    /** Named so that answers show the zone as api.md does ("UTC", not "Z"). */
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** The scope parameters, in the order a conflict between them is reported. */
    public static final List<String> SCOPES = List.of("application", "team", "supplier");
    private static final Set<String> WINDOW_PARAMETERS = Set.of("environment", "from", "to", "window", "zone");

    private record Window(Instant from, Instant to) {
    }

    private final Map<String, List<String>> parameters;
    private final List<String> scopes;
    private final Set<String> known;
    private final List<QueryError> errors = new ArrayList<>();

    private KpiQueryParser(Map<String, List<String>> parameters, List<String> scopes, Set<String> extra) {
        this.parameters = parameters;
        this.scopes = SCOPES.stream().filter(scopes::contains).toList();
        Set<String> names = new TreeSet<>(WINDOW_PARAMETERS);
        names.addAll(this.scopes);
        names.addAll(extra);
        this.known = names;
    }

    /**
     * The query the parameters ask for; a {@code window} (default {@link KpiQuery#DEFAULT_WINDOW}) ends at
     * {@code now}.
     *
     * @throws InvalidQueryException listing every unknown, repeated, conflicting or malformed parameter
     */
    public static KpiQuery parse(Map<String, List<String>> parameters, Instant now) {
        return parse(parameters, now, SCOPES, Set.of());
    }

    /**
     * As {@link #parse(Map, Instant)} for an endpoint that accepts only some scopes (a scope parameter not among
     * {@code scopes} is unknown there) and reads {@code extra} parameters of its own (each checked here to be
     * given at most once; their values are the caller's to check).
     */
    public static KpiQuery parse(Map<String, List<String>> parameters, Instant now, List<String> scopes,
            Set<String> extra) {
        return new KpiQueryParser(parameters, scopes, extra).query(now);
    }

    private KpiQuery query(Instant now) {
        rejectUnknownAndRepeated();
        Scope scope = scope();
        String environment = value("environment").orElse(KpiQuery.DEFAULT_ENVIRONMENT);
        if (environment.isBlank()) {
            errors.add(new QueryError("environment", "environment must not be blank"));
        }
        ZoneId zone = zone();
        Window window = window(now);
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new KpiQuery(scope, environment, window.from(), window.to(), zone);
    }

    private void rejectUnknownAndRepeated() {
        for (String name : new TreeSet<>(parameters.keySet())) {
            if (!known.contains(name)) {
                errors.add(new QueryError(Excerpt.cut(name, Excerpt.MAX_VALUE), "unknown query parameter "
                        + Excerpt.quoted(name) + " (known: " + String.join(", ", known) + ")"));
            } else if (parameters.get(name).size() > 1) {
                errors.add(new QueryError(name, name + " must be given at most once, got "
                        + parameters.get(name).size() + " values"));
            }
        }
    }

    private Scope scope() {
        List<String> given = scopes.stream().filter(parameters::containsKey).toList();
        if (given.size() > 1) {
            String allowed = String.join(", ", scopes.subList(0, scopes.size() - 1)) + " and "
                    + scopes.get(scopes.size() - 1);
            errors.add(new QueryError(given.get(1), "at most one of " + allowed + " may be given, got "
                    + String.join(" and ", given)));
            return Scope.all();
        }
        if (given.isEmpty()) {
            return Scope.all();
        }
        String kind = given.get(0);
        String name = value(kind).orElse("");
        if (name.isBlank()) {
            errors.add(new QueryError(kind, kind + " must not be blank"));
            return Scope.all();
        }
        return switch (kind) {
            case "application" -> Scope.application(name);
            case "team" -> Scope.team(name);
            default -> Scope.supplier(name);
        };
    }

    private ZoneId zone() {
        Optional<String> text = value("zone");
        if (text.isEmpty()) {
            return UTC;
        }
        try {
            return ZoneId.of(text.get());
        } catch (DateTimeException e) {
            errors.add(new QueryError("zone", "zone must be a time zone such as UTC, +01:00 or Europe/Berlin, got "
                    + Excerpt.quoted(text.get())));
            return UTC;
        }
    }

    /** [from, to), or null when the parameters do not name one (the errors say why). */
    private Window window(Instant now) {
        Optional<String> window = value("window");
        Optional<String> fromText = value("from");
        Optional<String> toText = value("to");
        if (window.isPresent() && (fromText.isPresent() || toText.isPresent())) {
            errors.add(new QueryError("window", "give either window or from and to, not both"));
            return null;
        }
        if (fromText.isPresent() != toText.isPresent()) {
            String missing = fromText.isPresent() ? "to" : "from";
            errors.add(new QueryError(missing, "from and to must be given together, " + missing + " is missing"));
            return null;
        }
        if (fromText.isPresent()) {
            return explicitWindow(fromText.get(), toText.get(), now);
        }
        Duration length = window.map(this::windowLength).orElse(KpiQuery.DEFAULT_WINDOW);
        return length == null ? null : new Window(now.minus(length), now);
    }

    private Duration windowLength(String text) {
        try {
            Duration length = TimeText.isoDuration(text);
            if (length.compareTo(MAX_WINDOW) > 0) {
                errors.add(new QueryError("window", "window must be at most " + MAX_WINDOW.toDays() + " days, got "
                        + Excerpt.quoted(text)));
                return null;
            }
            return length;
        } catch (IllegalArgumentException e) {
            errors.add(new QueryError("window", "window " + e.getMessage()));
            return null;
        }
    }

    private Window explicitWindow(String fromText, String toText, Instant now) {
        Instant from = instant("from", fromText);
        Instant to = instant("to", toText);
        if (from == null || to == null) {
            return null;
        }
        if (!from.isBefore(to)) {
            errors.add(new QueryError("from", "from must be before to, got from " + from + " and to " + to));
        } else if (from.isAfter(now)) {
            errors.add(new QueryError("from", "the window must not start after the query time " + now + ", got from "
                    + from));
        } else if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            errors.add(new QueryError("from", "the window must be at most " + MAX_WINDOW.toDays()
                    + " days long, got from " + from + " and to " + to));
        }
        return new Window(from, to);
    }

    private Instant instant(String field, String text) {
        Optional<Instant> instant = TimeText.instant(text);
        if (instant.isEmpty()) {
            errors.add(new QueryError(field, field + " must be an ISO-8601 instant such as 2026-01-05T10:07:00Z, got "
                    + Excerpt.quoted(text)));
        }
        return instant.orElse(null);
    }

    /** The parameter's single value (the first when repeated: that is reported separately). */
    private Optional<String> value(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
