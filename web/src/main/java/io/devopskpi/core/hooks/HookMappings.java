package io.devopskpi.core.hooks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The mapping of every tool (api.md, "Incidents from alerting tools"). Defaults: Alertmanager's labels
 * {@code application} or {@code service} and {@code environment} or {@code env}; PagerDuty's service name;
 * Opsgenie's tags {@code application:}/{@code app:}, its details, then its entity, and the tags
 * {@code environment:}/{@code env:}; environment {@code production} when none is given.
 */
public final class HookMappings {
    public static final String DEFAULT_ENVIRONMENT = "production";

    private static final String APPLICATION = "application";
    private static final String ENVIRONMENT = "environment";
    private static final String DEFAULT = "defaultEnvironment";

    private final Map<AlertSource, HookMapping> mappings;

    private HookMappings(Map<AlertSource, HookMapping> mappings) {
        this.mappings = new EnumMap<>(mappings);
    }

    public static HookMappings defaults() {
        Map<AlertSource, HookMapping> mappings = new EnumMap<>(AlertSource.class);
        mappings.put(AlertSource.ALERTMANAGER, new HookMapping(List.of("labels.application", "labels.service"),
                List.of("labels.environment", "labels.env"), DEFAULT_ENVIRONMENT));
        mappings.put(AlertSource.PAGERDUTY, new HookMapping(List.of("service.summary"), List.of(),
                DEFAULT_ENVIRONMENT));
        // tags first: Opsgenie sends details only with Create, tags with every action
        mappings.put(AlertSource.OPSGENIE, new HookMapping(List.of("tags.application", "tags.app",
                "details.application", "entity"), List.of("tags.environment", "tags.env", "details.environment"),
                DEFAULT_ENVIRONMENT));
        return new HookMappings(mappings);
    }

    /**
     * The defaults with the keys given replaced: {@code <tool>.application} and {@code <tool>.environment} (field
     * paths separated by commas, tried in order; an empty environment list reads no field) and
     * {@code <tool>.defaultEnvironment} (empty: an alert without environment is unmapped).
     *
     * @throws IllegalArgumentException naming the key and the value that cannot be used
     */
    public static HookMappings parse(Properties properties) {
        Map<AlertSource, HookMapping> mappings = new EnumMap<>(defaults().mappings);
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key);
            int dot = key.indexOf('.');
            AlertSource source = source(dot < 0 ? key : key.substring(0, dot), key);
            HookMapping old = mappings.get(source);
            String setting = key.substring(dot + 1);
            HookMapping changed = switch (setting) {
                case APPLICATION -> {
                    List<String> fields = fields(key, value);
                    if (fields.isEmpty()) {
                        throw new IllegalArgumentException(key + " must name at least one field");
                    }
                    yield new HookMapping(fields, old.environmentFields(), old.defaultEnvironment());
                }
                case ENVIRONMENT -> new HookMapping(old.applicationFields(), fields(key, value),
                        old.defaultEnvironment());
                case DEFAULT -> new HookMapping(old.applicationFields(), old.environmentFields(), value);
                default -> throw unknown(key);
            };
            mappings.put(source, changed);
        }
        return new HookMappings(mappings);
    }

    public HookMapping of(AlertSource source) {
        return mappings.get(source);
    }

    private static AlertSource source(String name, String key) {
        for (AlertSource source : AlertSource.values()) {
            if (source.key().equals(name) && key.length() > name.length()) {
                return source;
            }
        }
        throw unknown(key);
    }

    private static IllegalArgumentException unknown(String key) {
        return new IllegalArgumentException("unknown key '" + key + "' (keys: <tool>." + APPLICATION + ", <tool>."
                + ENVIRONMENT + ", <tool>." + DEFAULT + ", tools: alertmanager, pagerduty, opsgenie)");
    }

    private static List<String> fields(String key, String value) {
        List<String> fields = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String field = part.trim();
            if (field.isEmpty() && value.isBlank()) {
                continue;
            }
            if (field.isEmpty() || field.startsWith(".") || field.endsWith(".") || field.contains("..")
                    || field.contains(" ")) {
                throw new IllegalArgumentException(key + ": '" + field + "' is not a field path (e.g. labels.service) in '"
                        + value + "'");
            }
            fields.add(field);
        }
        return fields;
    }
}
