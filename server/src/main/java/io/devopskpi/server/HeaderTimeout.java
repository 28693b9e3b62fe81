package io.devopskpi.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Disconnects a client that is still sending the headers of a request after {@link #period} (at most twice that):
 * a client trickling its headers a byte at a time never lets Jetty's idle timeout expire, and enough of them hold
 * the server (issue 13). A connection is looked at every period; when it was in the headers of the same request at
 * two looks in a row, it is closed without an answer. Idle keep-alive connections (between requests) are left to the
 * idle timeout, requests being handled and bodies being read are not concerned.
 */
final class HeaderTimeout implements Connection.Listener {
    private final Scheduler scheduler;
    private final Duration period;

    HeaderTimeout(Scheduler scheduler, Duration period) {
        this.scheduler = scheduler;
        this.period = period;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            schedule(http, -1, false);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        // the next look finds the end point closed and stops
    }

    private void schedule(HttpConnection http, long requests, boolean inHeaders) {
        scheduler.schedule(() -> look(http, requests, inHeaders), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @param requestsBefore requests whose headers were complete at the previous look */
    private void look(HttpConnection http, long requestsBefore, boolean inHeadersBefore) {
        if (!http.getEndPoint().isOpen()) {
            return;
        }
        long requests = http.getMessagesIn();
        HttpParser parser = http.getParser();
        boolean inHeaders = parser.inHeaderState() && !parser.isStart();
        if (inHeaders && inHeadersBefore && requests == requestsBefore) {
            http.getEndPoint().close();
            return;
        }
        schedule(http, requests, inHeaders);
    }
}
