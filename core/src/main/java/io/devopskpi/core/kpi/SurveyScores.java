package io.devopskpi.core.kpi;

import io.devopskpi.core.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    static Satisfaction of(Connection connection, KpiQuery query, Set<String> applications) throws SQLException {
        Scope scope = query.scope();
        if (scope.kind() == Scope.Kind.TEAM) {
            return Satisfaction.NONE;
        }
        StringBuilder sql = new StringBuilder("SELECT application, score, respondents FROM survey "
                + "WHERE valid_from < ? AND valid_to > ?");
        List<String> names = new ArrayList<>();
        if (scope.kind() == Scope.Kind.SUPPLIER) {
            sql.append(" AND supplier = ?");
            names.add(scope.name());
        } else if (scope.kind() == Scope.Kind.APPLICATION) {
            sql.append(" AND application = ?");
            names.add(scope.name());
        }
        double weighted = 0;
        int respondents = 0;
        int surveys = 0;
        try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
            Sql.setInstant(s, 1, query.to());
            Sql.setInstant(s, 2, query.from());
            for (int i = 0; i < names.size(); i++) {
                s.setString(3 + i, names.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String application = rs.getString("application");
                    if (applications != null && (application == null || !applications.contains(application))) {
                        continue;
                    }
                    int count = rs.getInt("respondents");
                    weighted += rs.getDouble("score") * count;
                    respondents += count;
                    surveys++;
                }
            }
        }
        return respondents == 0 ? Satisfaction.NONE : new Satisfaction(weighted / respondents, respondents, surveys);
    }
}
