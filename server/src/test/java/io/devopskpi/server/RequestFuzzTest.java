package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 3 for what is not an event: 3,000 seeded mutations of read queries, gate bodies and webhook
 * payloads ({@link RequestFuzzer}) against a real server holding deployments, incidents and governance data.
 */
class RequestFuzzTest {
    @Test
    void mutatedQueriesGateBodiesAndWebhookPayloadsAreAnsweredOrRefusedNamingWhatWasRefused() {
        RequestFuzzer.Report report;
        try (TestServer server = EventFuzzer.withoutRateLimit(TestServer.freshStore())) {
            assertThat(server.post(Events.batch(Events.DEPLOYMENT, Events.INCIDENT)).statusCode())
                    .isEqualTo(200);
            assertThat(server.post(GovernanceFixture.GOVERNANCE).statusCode()).isEqualTo(200);
            // more: mvn -B -o -pl server -am verify -Dtest=RequestFuzzTest -DrequestFuzz.cases=100000 -DrequestFuzz.seed=7
            report = new RequestFuzzer(server, Long.getLong("requestFuzz.seed", 20_261_205L))
                    .run(Integer.getInteger("requestFuzz.cases", 3_000));
        }
        System.out.println(report.summary());
        assertThat(report.serverErrors()).as("5xx answers").isEmpty();
        assertThat(report.unnamed()).as("refusals that name nothing that was sent").isEmpty();
        assertThat(report.storeChanged()).as("refused webhook payloads that changed the store").isEmpty();
        assertThat(report.succeeded()).as("valid cases remain among the mutations").isPositive();
        assertThat(report.refused()).as(report.summary()).isPositive();
    }

    /** A query Java's URI would not even build: percent signs not followed by two hex digits, bytes not UTF-8. */
    @Test
    void malformedPercentEncodingIsRefusedNotIgnored() throws Exception {
        try (TestServer server = TestServer.start()) {
            for (String query : java.util.List.of("window=%zz", "window=P30D&%zz=1", "application=%E9", "zone=%")) {
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.uri("/").getPort())) {
                    socket.getOutputStream().write(("GET /api/v1/kpis?" + query + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    String answer = new String(socket.getInputStream().readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(answer).as(query).startsWith("HTTP/1.1 400");
                }
            }
        }
    }
}
