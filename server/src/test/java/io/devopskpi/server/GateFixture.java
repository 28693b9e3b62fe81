package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * The deployments the gate tests judge. shop, January 2026: ten deployments on Jan 5..14 at 10:00, of which
 * Jan 7 and Jan 11 are FAILURE. Change failure rate 2 ÷ 10 = 0.2, success rate 0.8; each failure is restored by
 * the next day's SUCCESS: 24 h = 86,400 s twice → median 86,400 s. No incidents → time to detect has no data.
 */
final class GateFixture {
    private GateFixture() {
    }

    static TestServer seededServer() {
        TestServer server = TestServer.start();
        List<String> events = new ArrayList<>();
        for (int day = 5; day <= 14; day++) {
            String result = day == 7 || day == 11 ? "FAILURE" : "SUCCESS";
            events.add(String.format("{\"type\":\"deployment\",\"id\":\"shop-%d\",\"application\":\"shop\","
                    + "\"environment\":\"production\",\"started\":\"2026-01-%02dT09:50:00Z\","
                    + "\"finished\":\"2026-01-%02dT10:00:00Z\",\"result\":\"%s\"}", day, day, day, result));
        }
        assertThat(server.post("[" + String.join(",", events) + "]").statusCode()).isEqualTo(200);
        return server;
    }
}
