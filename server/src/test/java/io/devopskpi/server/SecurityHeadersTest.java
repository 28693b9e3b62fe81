package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13: every page, asset and API answer (errors included, also those Jetty makes itself) carries the security
 * headers; the dashboard cannot be framed; API answers are not stored by caches.
 */
class SecurityHeadersTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/applications/shop", "/admin", "/compare", "/assets/lib.js",
            "/assets/missing.js", "/nothing-here", "/api/v1/health", "/api/v1/kpis", "/api/v1/kpis?bogus=1",
            "/api/v1/nothing", "/api/v1/export.csv", "/metrics"})
    void everyAnswerCarriesTheSecurityHeaders(String path) {
        HttpResponse<String> response = server.get(path);

        assertSecurityHeaders(response.headers());
        if (path.startsWith("/api/") || path.equals("/metrics")) {
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/events", "/api/v1/gate"})
    void refusedWritesCarryThemToo(String path) {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer wrong").POST(HttpRequest.BodyPublishers.ofString("{")).build());

        assertThat(response.statusCode()).isIn(400, 401);
        assertSecurityHeaders(response.headers());
    }

    /** Requests Jetty refuses before Javalin sees them: headers too large (431) and a malformed request line. */
    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: %s\r\n\r\n",
            "GET /api/v1/health%%zz HTTP/1.1 x\r\nHost: x\r\n\r\n"})
    void jettysOwnErrorsAreJsonWithTheSecurityHeaders(String request) throws IOException {
        String answer = raw(String.format(request, "a".repeat(20_000)));

        assertThat(answer).startsWith("HTTP/1.1 4");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).contains("x-content-type-options: nosniff").contains("x-frame-options: deny")
                .contains("frame-ancestors 'none'").contains("referrer-policy: no-referrer")
                .contains("content-type: application/json");
        assertThat(answer.substring(answer.indexOf("\r\n\r\n"))).contains("{\"error\":").doesNotContain("<");
    }

    private static void assertSecurityHeaders(java.net.http.HttpHeaders headers) {
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
