package io.devopskpi.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DemoSeederTest {
    @Test
    void seedsAnEmptyStoreOnceWithProgressAndLeavesAFilledStoreAlone() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        try (Store store = Store.open(StoreConfig.inMemory("seeder"))) {
            int seeded = DemoSeeder.seedIfEmpty(store, clock, out);
            assertThat(seeded).isEqualTo(DemoData.generate(DemoData.DEFAULT_SEED, clock.instant()).size());
            assertThat(new EventReader(store).countEvents()).isEqualTo(seeded);
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("demo: seeded " + seeded + " of " + seeded);

            assertThat(DemoSeeder.seedIfEmpty(store, clock, out)).isZero();
            assertThat(new EventReader(store).countEvents()).isEqualTo(seeded);
        }
    }
}
