package io.devopskpi.core.hooks;

import java.util.Locale;

/** The alerting tools whose webhooks open and close incidents; {@link #key()} names them in URLs and settings. */
public enum AlertSource {
    ALERTMANAGER,
    PAGERDUTY,
    OPSGENIE;

    /** {@code alertmanager}, {@code pagerduty}, {@code opsgenie}: the path segment and the mapping-file prefix. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
