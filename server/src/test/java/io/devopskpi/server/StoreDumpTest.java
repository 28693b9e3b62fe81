package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fuzzer's store comparison ({@link StoreDump}) sees a change of one character in any column of any table. */
class StoreDumpTest {
    @Test
    void aDumpChangesWithAnyStoredValueAndOnlyThen() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.post("""
                    {"type": "deployment", "id": "d-1", "application": "shop", "environment": "production",
                     "started": "2026-01-30T10:00:00Z", "finished": "2026-01-30T10:07:00Z", "result": "SUCCESS",
                     "changes": [{"id": "c-1", "committed": "2026-01-30T09:00:00Z", "author": "ann"}]}""")
                    .statusCode()).isEqualTo(200);
            String before = StoreDump.of(server.server.store());
            assertThat(before).contains("== deployment\n").contains("== deployment_change\n").contains("\"ann\"");
            assertThat(StoreDump.of(server.server.store())).isEqualTo(before);

            server.execute("UPDATE deployment_change SET author = 'anN' WHERE change_id = 'c-1'");
            assertThat(StoreDump.of(server.server.store())).isNotEqualTo(before);
            server.execute("UPDATE deployment_change SET author = 'ann' WHERE change_id = 'c-1'");
            assertThat(StoreDump.of(server.server.store())).isEqualTo(before);

            // a row in a table no event writes is seen too
            server.execute("INSERT INTO server_setting (name, setting_value) VALUES ('x', 'y')");
            assertThat(StoreDump.of(server.server.store())).isNotEqualTo(before);
        }
    }
}
