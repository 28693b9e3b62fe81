package io.devopskpi.core.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The arguments of a statement in placeholder order, collected while its SQL text is put together: the one way
 * the engine's reads bind values (text, instants, whole numbers).
 */
public final class SqlArgs {
    private final List<Object> values = new ArrayList<>();

    public SqlArgs add(Object... more) {
        values.addAll(List.of(more));
        return this;
    }

    /** How many key look-ups one statement of {@link #lookUps} makes. */
    static final int LOOK_UPS = 100;

    /**
     * {@code count} copies of a look-up by key joined by {@code UNION ALL}: each is planned as a look-up by the key,
     * also by PostgreSQL before it has statistics of the table (an {@code IN} list it may read as a scan of every
     * row).
     */
    static String lookUps(String one, int count) {
        return String.join(" UNION ALL ", java.util.Collections.nCopies(count, one));
    }

    /** {@code ?, ?, ...}, one placeholder per value, the values added in order. */
    public String placeholders(Collection<String> list) {
        values.addAll(list);
        return String.join(", ", java.util.Collections.nCopies(list.size(), "?"));
    }

    /** The statement of {@code sql} on the connection, these arguments bound. */
    PreparedStatement prepare(java.sql.Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
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
