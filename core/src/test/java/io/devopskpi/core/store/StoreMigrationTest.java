package io.devopskpi.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StoreMigrationTest {
    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void migratesTheSchemaAndSeedsTheWriteLock(TestStores.Kind kind) throws Exception {
        try (Store store = kind.open(); Connection c = store.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT writes FROM write_lock WHERE id = 1")) {
            assertThat(store.isUsable()).isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
