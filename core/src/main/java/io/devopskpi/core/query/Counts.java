package io.devopskpi.core.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The single number a COUNT query answers. */
final class Counts {
    private Counts() {
    }

    static long single(Connection connection, String sql, SqlArgs args) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            args.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
