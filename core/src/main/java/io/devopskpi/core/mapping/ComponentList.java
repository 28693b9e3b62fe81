package io.devopskpi.core.mapping;

import io.devopskpi.core.model.Component;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The platform components a pipeline names in a step argument, e.g. {@code pipeline-lib@3.2.0, base-image-jre@21.0.4}:
 * {@code name@version} items separated by commas or line breaks.
 */
public final class ComponentList {
    private ComponentList() {
    }

    /**
     * The components in the text, in order. Items are trimmed; blank items (a trailing comma, an empty line) are
     * skipped; an item is split at its last {@code @}, so a name may itself hold one ({@code @scope/ui@1.0}).
     * Null, empty or blank text is an empty list.
     *
     * @throws IllegalArgumentException naming the item, when it has no {@code @}, a blank name or version, a name
     *     listed before, or a name or version the event model refuses
     */
    public static List<Component> parse(String text) {
        List<Component> components = new ArrayList<>();
        if (text == null) {
            return components;
        }
        Set<String> names = new HashSet<>();
        for (String raw : text.split("[,\\r\\n]")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            int at = item.lastIndexOf('@');
            if (at < 0) {
                throw invalid(item, "is not name@version");
            }
            String name = item.substring(0, at).trim();
            String version = item.substring(at + 1).trim();
            if (name.isEmpty()) {
                throw invalid(item, "has no name before the @");
            }
            if (version.isEmpty()) {
                throw invalid(item, "has no version after the @");
            }
            if (!names.add(name)) {
                throw invalid(item, "names '" + name + "' a second time");
            }
            try {
                components.add(new Component(name, version));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("component '" + item + "': " + e.getMessage(), e);
            }
        }
        return components;
    }

    private static IllegalArgumentException invalid(String item, String problem) {
        return new IllegalArgumentException("component '" + item + "' " + problem
                + " (components are name@version, separated by commas or lines)");
    }
}
