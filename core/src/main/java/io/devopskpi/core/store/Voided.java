package io.devopskpi.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The mark of a voided deployment or incident: when, why and (optionally) by whom it was voided. */
public record Voided(Instant at, String reason, String by) {

    /** The mark of the current row of a list query that selected the voided_* columns, or null when not voided. */
    public static Voided of(ResultSet rs) throws SQLException {
        return VoidRows.voided(rs).orElse(null);
    }
}
