package io.devopskpi.core.hooks;

import java.util.List;

/**
 * Where one tool's alerts name their application and environment: field paths tried in order (the first one set
 * wins), and the environment used when none of the environment fields is set ({@code null}: the alert is then
 * unmapped). A path is dotted from the alert ({@code labels.service}); a segment applied to a list of strings
 * picks the tag {@code key:value} or {@code key=value} ({@code tags.app} reads {@code "app:shop"} as
 * {@code shop}).
 */
public record HookMapping(List<String> applicationFields, List<String> environmentFields, String defaultEnvironment) {

    public HookMapping {
        applicationFields = List.copyOf(applicationFields);
        environmentFields = List.copyOf(environmentFields);
        if (applicationFields.isEmpty()) {
            throw new IllegalArgumentException("at least one application field is needed");
        }
        defaultEnvironment = defaultEnvironment == null || defaultEnvironment.isBlank() ? null
                : defaultEnvironment.trim();
    }
}
