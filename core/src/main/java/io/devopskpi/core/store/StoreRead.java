package io.devopskpi.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one answer on one read-only, repeatable-read snapshot of the store, so that a page and its
 * total, or the reads of one KPI report, agree. The engine's way in to the store's data: the connection stays
 * inside this package, the caller gives SQL text, its {@link SqlArgs} and what to do with each row.
 */
public final class StoreRead {
    /** What a read does on its snapshot. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(StoreRead read) throws SQLException;
    }

    /** What is done with one row of a result (the cursor stands on it). */
    @FunctionalInterface
    public interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    /** The value one row of a result stands for. */
    @FunctionalInterface
    public interface RowValue<T> {
        T of(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final boolean postgres;

    StoreRead(Connection connection, boolean postgres) {
        this.connection = connection;
        this.postgres = postgres;
    }

    /**
     * Whether the store is PostgreSQL, for a read whose best form differs between the stores (H2 answers some joins
     * of large sets slower than the look-ups they replace on PostgreSQL).
     */
    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Runs {@code work} on a new snapshot, rolled back after.
     *
     * @throws StoreException naming {@code what} when the store cannot be read
     */
    public static <T> T snapshot(Store store, String what, Work<T> work) {
        try (Connection connection = store.connection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return work.apply(new StoreRead(connection, store.config().isPostgres()));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read " + what + " from the store: " + e.getMessage(), e);
        }
    }

    /** Runs the query and hands every row of its result to {@code row}, in the result's order. */
    public void forEach(String sql, SqlArgs args, Row row) throws SQLException {
        forEach(sql, args, 0, row);
    }

    /** The value of every row of the query's result, in its order. */
    public <T> List<T> list(String sql, SqlArgs args, RowValue<T> value) throws SQLException {
        List<T> values = new ArrayList<>();
        forEach(sql, args, row -> values.add(value.of(row)));
        return values;
    }

    /** The single number a COUNT (or other one-value) query answers. */
    public long count(String sql, SqlArgs args) throws SQLException {
        long[] count = new long[1];
        forEach(sql, args, 1, row -> count[0] = row.getLong(1));
        return count[0];
    }

    /** Whether the query answers any row; it stops at the first. */
    public boolean any(String sql, SqlArgs args) throws SQLException {
        boolean[] found = new boolean[1];
        forEach(sql, args, 1, row -> found[0] = true);
        return found[0];
    }

    /**
     * PostgreSQL: the result in binary from the statement's first run, where PgJDBC sends text until it has run the
     * same text five times on one pooled connection. Instants arrive as 8 bytes instead of text to format and
     * parse: a quarter's window at a million deployments (126,000 deployments, 348,000 lead time listings) came
     * back 20 to 30 % faster.
     */
    private void binaryResults(PreparedStatement s) throws SQLException {
        if (postgres) {
            s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
        }
    }

    private void forEach(String sql, SqlArgs args, int maxRows, Row row) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            binaryResults(s);
            if (maxRows > 0) {
                s.setMaxRows(maxRows);
            }
            args.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }
}
