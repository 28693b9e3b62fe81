package io.devopskpi.server;

/** A function H2 calls for every row of a view in {@link ReadBudgetApiTest} (H2 calls public classes only). */
public final class SlowRow {
    private SlowRow() {
    }

    /** Sleeps 10 ms, like PostgreSQL's {@code pg_sleep(0.01)}. */
    public static boolean slowRow() throws InterruptedException {
        Thread.sleep(10);
        return true;
    }
}
