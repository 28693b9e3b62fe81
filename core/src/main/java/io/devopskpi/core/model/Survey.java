package io.devopskpi.core.model;

import java.time.Instant;

/**
 * A stakeholder satisfaction survey about a supplier (and optionally one of its applications) over [from, to):
 * the mean score it reported (1 to 5) and how many people answered. Its key is {@code id}; a re-send may change
 * score, respondents and comment only.
 */
public record Survey(String id, String supplier, String application, Instant from, Instant to, double score,
        int respondents, String comment) implements Event {
    public static final double MIN_SCORE = 1;
    public static final double MAX_SCORE = 5;

    public Survey {
        String event = "survey " + Checks.quote(id);
        from = Checks.micros(from);
        to = Checks.micros(to);
        id = Checks.required(id, "id", event, Checks.MAX_ID);
        supplier = Checks.required(supplier, "supplier", event, Checks.MAX_NAME);
        Checks.ownerName(supplier, "supplier", event);
        application = Checks.optional(application, "application", event, Checks.MAX_NAME);
        Checks.present(from, "from", event);
        Checks.present(to, "to", event);
        if (!to.isAfter(from)) {
            throw new InvalidEventException("to", "to must be after from (" + event + "): " + to);
        }
        if (!(score >= MIN_SCORE && score <= MAX_SCORE)) {
            throw new InvalidEventException("score", "score must be from 1 to 5 (" + event + "): " + score);
        }
        if (respondents < 1) {
            throw new InvalidEventException("respondents", "respondents must be at least 1 (" + event + "): "
                    + respondents);
        }
        comment = Checks.optional(comment, "comment", event, Checks.MAX_TEXT);
    }

    @Override
    public String describe() {
        return "survey " + Checks.quote(id);
    }

    /** The first of supplier, application, from and to in which a re-send differs: those may not change. */
    public java.util.Optional<String> identityDifference(Survey resent) {
        if (!supplier.equals(resent.supplier)) {
            return java.util.Optional.of("supplier");
        }
        if (!java.util.Objects.equals(application, resent.application)) {
            return java.util.Optional.of("application");
        }
        if (!from.equals(resent.from)) {
            return java.util.Optional.of("from");
        }
        if (!to.equals(resent.to)) {
            return java.util.Optional.of("to");
        }
        return java.util.Optional.empty();
    }
}
