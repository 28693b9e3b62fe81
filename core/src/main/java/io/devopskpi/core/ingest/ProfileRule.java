package io.devopskpi.core.ingest;

import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.store.EventTransaction;
import java.sql.SQLException;
import java.util.Optional;

/** An application's tags are replaced by a re-send: tags describe the application as it is now. */
final class ProfileRule {
    private ProfileRule() {
    }

    static Outcome apply(EventTransaction tx, ApplicationProfile sent) throws SQLException {
        Optional<ApplicationProfile> stored = tx.findProfile(sent.application());
        if (stored.isPresent() && stored.get().equals(sent)) {
            return Outcome.DUPLICATE;
        }
        tx.replace(sent);
        return stored.isPresent() ? Outcome.UPDATED : Outcome.ACCEPTED;
    }
}
