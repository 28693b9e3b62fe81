package io.devopskpi.core.query;

import io.devopskpi.core.store.Sql;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The arguments of a statement in placeholder order, collected while its SQL text is put together. */
final class SqlArgs {
    private final List<Object> values = new ArrayList<>();

    SqlArgs add(Object... more) {
        values.addAll(List.of(more));
        return this;
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Instant instant) {
                Sql.setInstant(statement, i + 1, instant);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }
}
