package io.devopskpi.core.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * A pooled connection handed out under a {@link ReadDeadline}: each statement it creates gets the time left as
 * its query timeout (whole seconds, at least 1, the JDBC unit), and none is created once the time is spent.
 * Everything else goes to the pooled connection unchanged (closing it returns it to the pool).
 */
final class BudgetedConnection implements InvocationHandler {
    private final Connection pooled;

    private BudgetedConnection(Connection pooled) {
        this.pooled = pooled;
    }

    static Connection wrap(Connection pooled) {
        return (Connection) Proxy.newProxyInstance(BudgetedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new BudgetedConnection(pooled));
    }

    /** @throws SQLTimeoutException when this thread's read budget is spent */
    static void requireTimeLeft() throws SQLTimeoutException {
        if (ReadDeadline.isSet() && ReadDeadline.remainingNanos() <= 0) {
            throw new SQLTimeoutException("the read's time budget is spent");
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        boolean creates = Statement.class.isAssignableFrom(method.getReturnType());
        if (creates) {
            requireTimeLeft();
        }
        Object result;
        try {
            result = method.invoke(pooled, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (creates && ReadDeadline.isSet()) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(ReadDeadline.remainingNanos() + 999_999_999L);
            ((Statement) result).setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds)));
        }
        return result;
    }
}
