package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KpiQueryParserTest {
    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    @Test
    void defaultsToEverythingInProductionOverThirtyDaysEndingNowInUtc() {
        assertThat(KpiQueryParser.parse(Map.of(), NOW)).isEqualTo(new KpiQuery(Scope.all(), "production",
                Instant.parse("2026-01-02T12:00:00Z"), NOW, ZoneId.of("UTC")));
    }

    @Test
    void readsScopeEnvironmentWindowAndZone() {
        KpiQuery query = KpiQueryParser.parse(params("team", "payments", "environment", "staging", "window", "P1DT12H",
                "zone", "Europe/Berlin"), NOW);

        assertThat(query).isEqualTo(new KpiQuery(Scope.team("payments"), "staging",
                Instant.parse("2026-01-31T00:00:00Z"), NOW, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void acceptsAnEndpointsOwnParametersAndOnlyTheScopesItAllows() {
        KpiQuery query = KpiQueryParser.parse(params("team", "payments", "limit", "5"), NOW,
                List.of("team", "supplier"), Set.of("limit"));
        assertThat(query.scope()).isEqualTo(Scope.team("payments"));

        InvalidQueryException refused = catchThrowableOfType(InvalidQueryException.class,
                () -> KpiQueryParser.parse(params("application", "shop", "limit", "5"), NOW, List.of(),
                        Set.of()));
        assertThat(refused.errors()).extracting(QueryError::field).containsExactly("application", "limit");
        assertThat(refused.errors().get(0).message()).isEqualTo("unknown query parameter 'application' "
                + "(known: environment, from, to, window, zone)");
    }

    @Test
    void readsAnExplicitWindowEvenWhenItEndsAfterNow() {
        KpiQuery query = KpiQueryParser.parse(params("supplier", "acme", "from", "2026-01-01T00:00:00Z",
                "to", "2026-03-01T00:00:00+01:00"), NOW);

        assertThat(query.scope()).isEqualTo(Scope.supplier("acme"));
        assertThat(query.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application=shop&team=payments|team|at most one of application, team and supplier may be given, got application and team",
            "window=P7D&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z|window|give either window or from and to, not both",
            "from=2026-01-01T00:00:00Z|to|from and to must be given together, to is missing",
            "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z|from|from must be before to",
            "from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z|from|from must be before to",
            "from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z|from|the window must not start after the query time",
            "from=yesterday&to=2026-01-01T00:00:00Z|from|from must be an ISO-8601 instant such as 2026-01-05T10:07:00Z, got 'yesterday'",
            "window=30d|window|window must be an ISO-8601 duration",
            "window=P1M|window|window years and months have no fixed length",
            "window=P999999999W|window|window must be at most 36525 days",
            "zone=Mars/Olympus|zone|zone must be a time zone such as UTC, +01:00 or Europe/Berlin, got 'Mars/Olympus'",
            "application=|application|application must not be blank",
            "environment= |environment|environment must not be blank",
            "colour=blue|colour|unknown query parameter 'colour' (known: application, environment, from, supplier, team, to, window, zone)"})
    void refusesNamingTheParameter(String query, String field, String message) {
        List<QueryError> errors = errors(parse(query));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo(field);
        assertThat(errors.get(0).message()).startsWith(message);
    }

    @Test
    void refusesARepeatedParameter() {
        Map<String, List<String>> parameters = Map.of("application", List.of("shop", "cart"));

        assertThat(errors(parameters)).containsExactly(
                new QueryError("application", "application must be given at most once, got 2 values"));
    }

    @Test
    void listsEveryProblemAtOnce() {
        assertThat(errors(parse("zone=nowhere&window=P0D&junk=1&more=2"))).extracting(QueryError::field)
                .containsExactly("junk", "more", "zone", "window");
    }

    private static List<QueryError> errors(Map<String, List<String>> parameters) {
        InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class,
                () -> KpiQueryParser.parse(parameters, NOW));
        assertThat(e).as("refused: %s", parameters).isNotNull();
        return e.errors();
    }

    private static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(nameValue[0], List.of(nameValue.length > 1 ? nameValue[1] : ""));
        }
        return parameters;
    }

    private static Map<String, List<String>> params(String... namesAndValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return parameters;
    }
}
