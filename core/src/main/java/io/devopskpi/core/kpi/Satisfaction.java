package io.devopskpi.core.kpi;

/**
 * Stakeholder satisfaction of a scope and window: the respondent-weighted mean of the scores of the surveys that
 * overlap the window (null without any), the respondents (its sample size) and the number of surveys.
 */
public record Satisfaction(Double mean, int respondents, int surveys) {
    public static final Satisfaction NONE = new Satisfaction(null, 0, 0);
}
