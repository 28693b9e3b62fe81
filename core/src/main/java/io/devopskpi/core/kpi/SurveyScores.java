package io.devopskpi.core.kpi;

import io.devopskpi.core.store.SqlArgs;
import io.devopskpi.core.store.StoreRead;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stakeholder satisfaction (contract, "survey"): the surveys whose [from, to) overlaps the window, of the scope's
 * supplier (every survey of it, or only those about the kept applications when some are), of the scope's
 * application, or of everything. A survey that overlaps the window only in part counts whole: surveys report one
 * score for their period, which cannot be split. Teams have no surveys.
 */
final class SurveyScores {
    private SurveyScores() {
    }

    static Satisfaction of(StoreRead read, KpiQuery query, Set<String> applications) throws SQLException {
        Scope scope = query.scope();
        if (scope.kind() == Scope.Kind.TEAM) {
            return Satisfaction.NONE;
        }
        StringBuilder sql = new StringBuilder("SELECT application, score, respondents FROM survey "
                + "WHERE valid_from < ? AND valid_to > ?");
        SqlArgs args = new SqlArgs().add(query.to(), query.from());
        if (scope.kind() == Scope.Kind.SUPPLIER) {
            sql.append(" AND supplier = ?");
            args.add(scope.name());
        } else if (scope.kind() == Scope.Kind.APPLICATION) {
            sql.append(" AND application = ?");
            args.add(scope.name());
        }
        record Score(double score, int respondents) {
        }
        List<Score> scores = new ArrayList<>();
        read.forEach(sql.toString(), args, rs -> {
            String application = rs.getString("application");
            if (applications == null || application != null && applications.contains(application)) {
                scores.add(new Score(rs.getDouble("score"), rs.getInt("respondents")));
            }
        });
        double weighted = 0;
        int respondents = 0;
        int surveys = 0;
        for (Score score : scores) {
            weighted += score.score() * score.respondents();
            respondents += score.respondents();
            surveys++;
        }
        return respondents == 0 ? Satisfaction.NONE : new Satisfaction(weighted / respondents, respondents, surveys);
    }
}
