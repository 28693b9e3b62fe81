package io.devopskpi.core.query;

import io.devopskpi.core.attribution.AttributionSql;
import java.util.Objects;

/** The team and supplier an application or event is attributed to; {@code unassigned} when none. */
public record Owner(String team, String supplier) {
    public static final String UNASSIGNED = AttributionSql.UNASSIGNED;

    public Owner {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(supplier, "supplier");
    }
}
