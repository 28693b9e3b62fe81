package io.devopskpi.core.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the pool that a connection whose statement the database cancelled on its query timeout (SQLSTATE 57014, a
 * {@link ReadDeadline} spent) is still good: H2 reports it as a {@link java.sql.SQLTimeoutException}, which the
 * pool would otherwise close with a warning and a stack trace, and open again, on every read over its budget.
 * Every other failure the pool counts as fatal still evicts. Loaded by name by the pool, hence public.
 */
public final class CancelledStatements implements SQLExceptionOverride {
    static final String QUERY_CANCELED = "57014";

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return QUERY_CANCELED.equals(e.getSQLState()) ? Override.DO_NOT_EVICT : Override.CONTINUE_EVICT;
    }
}
