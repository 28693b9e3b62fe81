package io.devopskpi.core.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An incident's normalised severity (docs/metrics.md, "Severity"), derived when it is stored from the free text of
 * its {@code severity}, which is kept as sent. The text is compared without case, spaces, dashes and underscores
 * ({@code SEV-1}, {@code Sev 1} and {@code sev1} are the same), against the lists below; anything else, and no
 * text, is {@link #UNKNOWN}. The lists cover Alertmanager's {@code severity} label (critical, warning, info),
 * PagerDuty's priority (P1 to P5) and urgency (high, low), Opsgenie's priority (P1 to P5) and ITSM priorities (1
 * to 5). V5__incident_severity.sql back-fills stored incidents with the same lists.
 */
public enum Severity {
    CRITICAL(3), MAJOR(2), MINOR(1), UNKNOWN(0);

    private static final Map<Severity, Set<String>> WORDS = Map.of(
            CRITICAL, Set.of("p1", "sev1", "s1", "1", "critical", "crit", "blocker", "emergency", "fatal", "disaster"),
            MAJOR, Set.of("p2", "sev2", "s2", "2", "high", "major", "error", "severe"),
            MINOR, Set.of("p3", "p4", "p5", "sev3", "sev4", "sev5", "s3", "s4", "s5", "3", "4", "5", "medium",
                    "moderate", "low", "minor", "warning", "warn", "info", "informational", "trivial"));

    private final int rank;

    Severity(int rank) {
        this.rank = rank;
    }

    /** The normalised severity of an incident's free text (null: UNKNOWN). */
    public static Severity of(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String key = text.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "").replace("_", "");
        for (Map.Entry<Severity, Set<String>> words : WORDS.entrySet()) {
            if (words.getValue().contains(key)) {
                return words.getKey();
            }
        }
        return UNKNOWN;
    }

    /** A filter's minimum as api.md writes it: {@code critical}, {@code major} or {@code minor}. */
    public static Optional<Severity> minimum(String apiName) {
        for (Severity severity : new Severity[] {CRITICAL, MAJOR, MINOR}) {
            if (severity.apiName().equals(apiName)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }

    /** Whether an incident of this severity passes a filter of {@code minimum} (null: no filter, all pass). */
    public boolean atLeast(Severity minimum) {
        return minimum == null || rank >= minimum.rank;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
