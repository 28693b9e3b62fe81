package io.devopskpi.core.store;

import java.util.logging.Logger;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V8: fills {@code change_first_listing} (V7) from the deployments stored before it, logging its progress (one
 * line per tenth of the applications; a store of a million deployments takes minutes). Given to Flyway as an
 * instance ({@link Store#migrations}), not found by scanning the class path, which a Jenkins plugin's class loader
 * does not support.
 */
final class FirstListingsMigration implements JavaMigration {
    private static final Logger LOG = Logger.getLogger(FirstListingsMigration.class.getName());

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8");
    }

    @Override
    public String getDescription() {
        return "fill change first listing";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        FirstListings.fill(context.getConnection(), (done, of) -> {
            if (of >= 10 && done % Math.max(1, of / 10) == 0 || done == of) {
                LOG.info(() -> "lead time facts (V8): " + done + " of " + of + " applications and environments ("
                        + (100 * done / of) + " %)");
            }
        });
    }
}
