package io.devopskpi.core.query;

import io.devopskpi.core.store.SqlArgs;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreRead;
import java.util.Set;
import java.util.TreeSet;

/** The environments any deployment was ever made to, sorted by name. */
public final class EnvironmentList {
    private final Store store;

    public EnvironmentList(Store store) {
        this.store = store;
    }

    public Set<String> withDeployments() {
        return StoreRead.snapshot(store, "the environments", read -> {
            Set<String> names = new TreeSet<>();
            read.forEach("SELECT DISTINCT environment FROM deployment WHERE voided_at IS NULL", new SqlArgs(),
                    rs -> names.add(rs.getString(1)));
            return names;
        });
    }
}
