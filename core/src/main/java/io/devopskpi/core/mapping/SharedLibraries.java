package io.devopskpi.core.mapping;

import io.devopskpi.core.model.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Pipeline shared libraries a run loaded, as a CI publishes them in the run's environment. Jenkins'
 * pipeline-groovy-lib plugin adds one variable per loaded library, {@code library.NAME.version}, to the environment
 * of every run that loaded one (its {@code LibrariesAction.LibraryEnvironment}); this class reads those variables
 * and nothing else.
 */
public final class SharedLibraries {
    private static final Pattern VARIABLE = Pattern.compile("library\\.(.+)\\.version");

    private SharedLibraries() {
    }

    /**
     * The libraries named by {@code library.NAME.version} variables, ordered by name. A variable with a blank
     * version, or with a name or version the event model refuses (too long, control characters), is left out:
     * what a run loaded must never stop its deployment from being recorded.
     */
    public static List<Component> fromEnvironment(Map<String, String> environment) {
        Map<String, Component> byName = new TreeMap<>();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            Matcher matcher = VARIABLE.matcher(variable.getKey());
            String version = variable.getValue();
            if (!matcher.matches() || version == null || version.isBlank()) {
                continue;
            }
            try {
                Component library = new Component(matcher.group(1).trim(), version.trim());
                byName.put(library.name(), library);
            } catch (IllegalArgumentException e) {
                // a name the model cannot store: the deployment is recorded without this library
            }
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * The components a pipeline named, then the libraries the run loaded that it did not name: a component named
     * explicitly wins over a loaded library of the same name (the pipeline knows better what it deployed).
     */
    public static List<Component> merge(List<Component> named, List<Component> loaded) {
        Map<String, Component> byName = new LinkedHashMap<>();
        named.forEach(component -> byName.put(component.name(), component));
        loaded.forEach(library -> byName.putIfAbsent(library.name(), library));
        return new ArrayList<>(byName.values());
    }
}
