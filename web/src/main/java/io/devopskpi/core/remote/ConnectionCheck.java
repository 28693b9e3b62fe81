package io.devopskpi.core.remote;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * What an administrator's "Test connection" finds at a central server: whether it is up (its public health
 * check), whether it takes the write token (an empty batch, which stores nothing), and whether reads pass with the
 * read token. Each finding is one sentence naming the URL and the HTTP status, never a token.
 */
public final class ConnectionCheck {
    private static final String HEALTH = "/api/v1/health";

    /** The findings, and whether events and reads would pass. */
    public record Result(boolean ok, List<String> findings) {
        public Result {
            findings = List.copyOf(findings);
        }

        public String text() {
            return String.join("; ", findings);
        }
    }

    private ConnectionCheck() {
    }

    public static Result of(CentralServer server) {
        List<String> findings = new ArrayList<>();
        HttpResponse<String> health;
        try {
            health = server.getPublic(HEALTH);
        } catch (ServerUnavailableException e) {
            return new Result(false, List.of(e.getMessage()));
        }
        String status = ServerAnswers.object(health.body()).has("status")
                ? ServerAnswers.object(health.body()).get("status").getAsString() : null;
        if (health.statusCode() != 200 || !"UP".equals(status)) {
            findings.add(server.where(HEALTH) + " answered HTTP " + health.statusCode() + (status == null
                    ? " (is it a devops-kpi server?)" : ", status " + status));
            return new Result(false, findings);
        }
        findings.add("the server at " + server.base() + " is up");
        boolean ok = true;
        try {
            HttpResponse<String> write = server.postWithWriteToken(ServerSink.EVENTS, "[]");
            ok &= write.statusCode() == 200;
            findings.add(write.statusCode() == 200 ? "it takes the write token"
                    : "it refuses the write token (HTTP " + write.statusCode() + ")");
        } catch (ServerUnavailableException e) {
            ok = false;
            findings.add(e.getMessage());
        }
        try {
            HttpResponse<String> read = server.get(RemoteGate.POLICIES + "?limit=1");
            ok &= read.statusCode() == 200;
            findings.add(read.statusCode() == 200 ? "reads pass" : "it refuses reads (HTTP " + read.statusCode()
                    + "): choose the read token's credentials");
        } catch (ServerUnavailableException e) {
            ok = false;
            findings.add(e.getMessage());
        }
        return new Result(ok, findings);
    }
}
