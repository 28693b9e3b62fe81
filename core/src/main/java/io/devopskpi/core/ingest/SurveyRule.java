package io.devopskpi.core.ingest;

import io.devopskpi.core.model.Survey;
import io.devopskpi.core.store.EventTransaction;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A survey's results may be corrected by a re-send (score, respondents, comment); whom and which period it is
 * about identify it and may not change.
 */
final class SurveyRule {
    private SurveyRule() {
    }

    static Outcome apply(EventTransaction tx, int index, Survey sent) throws SQLException {
        Optional<Survey> found = tx.findSurvey(sent.id());
        if (found.isEmpty()) {
            tx.insert(sent);
            return Outcome.ACCEPTED;
        }
        Survey stored = found.get();
        Optional<String> field = stored.identityDifference(sent);
        if (field.isPresent()) {
            throw new EventConflictException(index, sent.describe() + " was already stored with a different "
                    + field.get() + ": stored " + Values.show(identity(stored, field.get())) + ", sent "
                    + Values.show(identity(sent, field.get())));
        }
        if (stored.equals(sent)) {
            return Outcome.DUPLICATE;
        }
        tx.update(sent);
        return Outcome.UPDATED;
    }

    private static Object identity(Survey survey, String field) {
        return switch (field) {
            case "supplier" -> survey.supplier();
            case "application" -> survey.application();
            case "from" -> survey.from();
            case "to" -> survey.to();
            default -> throw new IllegalArgumentException("not a survey identity field: " + field);
        };
    }
}
