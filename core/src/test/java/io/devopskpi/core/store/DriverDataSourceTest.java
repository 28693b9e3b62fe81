package io.devopskpi.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.Test;

class DriverDataSourceTest {
    @Test
    void neverPrintsThePassword() {
        DriverDataSource dataSource = DriverDataSource.of(
                StoreConfig.jdbc("jdbc:postgresql://db.example:5432/kpi?password=url-s3cret&ssl=true", "kpi",
                        "field-s3cret"));

        assertThat(dataSource.toString()).isEqualTo("jdbc:postgresql://db.example:5432/kpi?password=***&ssl=true")
                .doesNotContain("s3cret");
    }

    @Test
    void connectsThroughCoresOwnDriverWithTheConfiguredUser() throws Exception {
        DriverDataSource dataSource = DriverDataSource.of(StoreConfig.inMemory("driver-" + System.nanoTime()));
        dataSource.setLoginTimeout(30);

        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getUserName()).isEqualToIgnoringCase("sa");
        }
        assertThat(dataSource.getLoginTimeout()).isEqualTo(30);
    }
}
