package io.devopskpi.core.kpi;

import java.util.Locale;

/** DORA-style performance band; its JSON and display name is the lower-case word. */
public enum Band {
    ELITE, HIGH, MEDIUM, LOW;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
