package io.devopskpi.core.gate;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Threshold;
import io.devopskpi.core.text.Excerpt;
import io.devopskpi.core.text.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A gate from arguments as a pipeline step or a command line gives them: one scope, an environment, a window text
 * ({@code 30d}, {@code P30D}) and threshold texts per metric API name ({@code '>= 0.9'}, {@code '<= 4h'}).
 * Every problem is reported at once, each naming its argument.
 */
public final class KpiGateText {
    private KpiGateText() {
    }

    /**
     * @param scopes application, team and supplier by name; at most one may be non-null (none: everything)
     * @param thresholds threshold texts keyed by {@link GateMetric#apiName()}, in the order they are judged
     * @throws IllegalArgumentException listing every problem, each prefixed with the argument's name
     */
    public static KpiGate parse(Map<String, String> scopes, String environment, String window,
            Map<String, String> thresholds, int minSamples, boolean failOnInsufficientData, String onBreach,
            Instant now) {
        List<String> errors = new ArrayList<>();
        List<Map.Entry<String, String>> given = scopes.entrySet().stream().filter(e -> e.getValue() != null).toList();
        Scope scope = Scope.all();
        if (given.size() > 1) {
            errors.add("give at most one of application, team and supplier, got "
                    + String.join(" and ", given.stream().map(Map.Entry::getKey).toList()));
        } else if (given.size() == 1) {
            scope = scope(given.get(0).getKey(), given.get(0).getValue(), errors);
        }
        Duration length = KpiQuery.DEFAULT_WINDOW;
        if (window != null) {
            try {
                length = TimeText.duration(window);
            } catch (IllegalArgumentException e) {
                errors.add("window " + e.getMessage());
            }
        }
        List<Threshold> parsed = new ArrayList<>();
        thresholds.forEach((name, text) -> {
            GateMetric metric = GateMetric.byApiName(name);
            if (metric == null) {
                errors.add("unknown metric " + Excerpt.quoted(name) + " (known: " + GateMetric.apiNames() + ")");
            } else if (text != null) {
                try {
                    parsed.add(ThresholdText.parse(metric, text));
                } catch (IllegalArgumentException e) {
                    errors.add(e.getMessage());
                }
            }
        });
        if (parsed.isEmpty() && errors.isEmpty()) {
            errors.add("a gate needs at least one threshold, e.g. changeSuccessRate: '>= 0.9'");
        }
        if (minSamples < 0) {
            errors.add("minSamples must not be negative: " + minSamples);
        }
        OnBreach breach = OnBreach.FAILURE;
        try {
            breach = OnBreach.parse(onBreach);
        } catch (IllegalArgumentException e) {
            errors.add("onBreach must be FAILURE, UNSTABLE or WARNING: " + Excerpt.quoted(onBreach));
        }
        String env = environment == null ? KpiQuery.DEFAULT_ENVIRONMENT : environment;
        if (env.isBlank()) {
            errors.add("environment must not be blank");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return new KpiGate(KpiQuery.ending(scope, env, now, length, ZoneOffset.UTC), parsed, minSamples,
                failOnInsufficientData, breach);
    }

    private static Scope scope(String kind, String name, List<String> errors) {
        if (name.isBlank()) {
            errors.add(kind + " must not be blank");
            return Scope.all();
        }
        return switch (kind) {
            case "application" -> Scope.application(name);
            case "team" -> Scope.team(name);
            case "supplier" -> Scope.supplier(name);
            default -> {
                errors.add("unknown scope " + Excerpt.quoted(kind) + " (application, team or supplier)");
                yield Scope.all();
            }
        };
    }
}
