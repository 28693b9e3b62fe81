package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.core.store.StoreConnections;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WriteTokensTest {
    private static final Pattern PRINTED = Pattern.compile("keep it secret\\): ([A-Za-z0-9_-]{43})\\n");

    @Test
    void generatesAPrintedTokenAndStoresOnlyItsHash() {
        StoreConfig config = TestServer.freshStore();
        try (Store store = Store.open(config)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TokenHash hash = WriteTokens.establish(store, new PrintStream(out, true, StandardCharsets.UTF_8));

            Matcher printed = PRINTED.matcher(out.toString(StandardCharsets.UTF_8));
            assertThat(printed.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
            String token = printed.group(1);
            assertThat(hash.matches(token)).isTrue();
            try (TestServer server = TestServer.start(config, ServerOptions.forTests(config, null, TestServer.CLOCK))) {
                assertThat(server.text("SELECT setting_value FROM server_setting WHERE name = 'write-token-sha256'"))
                        .isEqualTo(TokenHash.of(token).hex()).doesNotContain(token);
                assertThat(server.text("SELECT COUNT(*) FROM server_setting WHERE setting_value LIKE '%"
                        + token + "%'")).isEqualTo("0");
                assertThat(server.post(Events.DEPLOYMENT, "Bearer " + token).statusCode()).isEqualTo(200);
                assertThat(server.post(Events.DEPLOYMENT, "Bearer " + token + "x").statusCode()).isEqualTo(401);
            }
        }
    }

    @Test
    void reusesTheStoredHashWithoutPrintingAToken() throws Exception {
        try (Store store = Store.open(TestServer.freshStore())) {
            try (Connection c = StoreConnections.of(store); PreparedStatement s = c.prepareStatement(
                    "INSERT INTO server_setting (name, setting_value) VALUES ('write-token-sha256', ?)")) {
                s.setString(1, TokenHash.of("earlier-token").hex());
                s.executeUpdate();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            TokenHash hash = WriteTokens.establish(store, new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(hash.matches("earlier-token")).isTrue();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("DEVOPS_KPI_API_TOKEN")
                    .doesNotContain("keep it secret");
        }
    }

    @Test
    void comparesWholeTokens() {
        TokenHash hash = TokenHash.of("abc");

        assertThat(hash.matches("abc")).isTrue();
        assertThat(hash.matches("ab")).isFalse();
        assertThat(hash.matches("abcd")).isFalse();
        assertThat(TokenHash.fromHex(hash.hex()).matches("abc")).isTrue();
    }
}
