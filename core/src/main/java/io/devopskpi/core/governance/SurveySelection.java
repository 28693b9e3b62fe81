package io.devopskpi.core.governance;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Satisfaction;
import io.devopskpi.core.model.Survey;
import java.util.List;

/** Which surveys a listing shows, and the satisfaction they add up to (the same rule as the KPI). */
public final class SurveySelection {
    private SurveySelection() {
    }

    /**
     * The surveys of the supplier and application (null: any) whose [from, to) overlaps the window (null: any).
     */
    public static List<Survey> select(List<Survey> surveys, String supplier, String application, KpiQuery window) {
        return surveys.stream()
                .filter(s -> supplier == null || s.supplier().equals(supplier))
                .filter(s -> application == null || application.equals(s.application()))
                .filter(s -> window == null || s.from().isBefore(window.to()) && s.to().isAfter(window.from()))
                .toList();
    }

    /** The respondent-weighted mean score, the respondents and the number of surveys. */
    public static Satisfaction satisfaction(List<Survey> surveys) {
        double weighted = 0;
        int respondents = 0;
        for (Survey survey : surveys) {
            weighted += survey.score() * survey.respondents();
            respondents += survey.respondents();
        }
        return respondents == 0 ? Satisfaction.NONE
                : new Satisfaction(weighted / respondents, respondents, surveys.size());
    }
}
