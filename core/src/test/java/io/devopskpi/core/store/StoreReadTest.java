package io.devopskpi.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.testing.TestStores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A read knows its store's kind (a read chooses its statement's form by it: the incidents naming a whole window's
 * change attempts are joined on PostgreSQL and looked up by id on H2; PostgreSQL's results come in binary).
 */
class StoreReadTest {
    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void knowsWhetherTheStoreIsPostgres(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            assertThat(StoreRead.snapshot(store, "the kind", StoreRead::isPostgres))
                    .isEqualTo(kind == TestStores.Kind.POSTGRESQL);
        }
    }
}
