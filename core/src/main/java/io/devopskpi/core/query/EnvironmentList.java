package io.devopskpi.core.query;

import io.devopskpi.core.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.TreeSet;

/** The environments any deployment was ever made to, sorted by name. */
public final class EnvironmentList {
    private final Store store;

    public EnvironmentList(Store store) {
        this.store = store;
    }

    public Set<String> withDeployments() {
        return Snapshot.read(store, "the environments", connection -> {
            Set<String> names = new TreeSet<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT DISTINCT environment FROM deployment WHERE voided_at IS NULL");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }
}
