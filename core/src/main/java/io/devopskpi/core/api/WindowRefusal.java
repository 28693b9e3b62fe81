package io.devopskpi.core.api;

/**
 * The one refusal of the KPI engine that a request can cause: a window (or review period) that starts after the
 * engine's query time. The parsers check the same against an earlier clock reading; any other exception of the
 * engine is a fault of the server and must answer 500, never 400 blaming a parameter.
 */
public final class WindowRefusal {
    private WindowRefusal() {
    }

    /**
     * Whether the engine refused a window that starts after its query time. KpiService and ScorecardService say so
     * only in an IllegalArgumentException's message (a dedicated exception there would make this check exact).
     */
    public static boolean isWindowAfterQueryTime(IllegalArgumentException e) {
        String message = e.getMessage();
        return message != null && (message.startsWith("the window must not start after the query time")
                || message.startsWith("the period ") && message.contains(" starts after the query time"));
    }
}
