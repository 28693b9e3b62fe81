package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.store.StoreConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 3 at small scale: 3,000 seeded mutations of api.md's example events ({@link EventFuzzer}) posted to
 * a real server on H2 and the same 3,000 to one on PostgreSQL. On each: never a 5xx; every 400 names the field of
 * each error; every refusal leaves the whole store byte for byte as it was (every table dumped before and after,
 * {@link StoreDump}); every 200 is a payload the contract allows (strings within their documented lengths and not
 * blank-looking, no NUL or lone surrogate, instants in the one documented spelling within the years 1 to 9999, times
 * in order, arrays within their limits, no key twice) and reads back with its times in order. And both stores give
 * the same answer, status and body, to every case. {@code scripts/fuzz.sh} runs more cases.
 */
class EventFuzzTest {
    private static final long SEED = 20_261_205L;
    private static final int CASES = 3_000;

    @Test
    void threeThousandMutatedEventsAreRefusedNamingTheFieldOrAcceptedOnlyWhenTheContractAllowsThem()
            throws Exception {
        EventFuzzer.Report h2;
        try (TestServer server = EventFuzzer.withoutRateLimit(TestServer.freshStore())) {
            h2 = new EventFuzzer(server, SEED, TestServer.NOW).run(CASES);
        }
        EventFuzzer.Report postgres;
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
                TestServer server = EventFuzzer.withoutRateLimit(StoreConfig.jdbc("jdbc:postgresql://localhost:"
                        + database.getPort() + "/postgres", "postgres", "postgres"))) {
            postgres = new EventFuzzer(server, SEED, TestServer.NOW).run(CASES);
        }
        System.out.println("H2:\n" + h2.summary() + "\nPostgreSQL:\n" + postgres.summary());

        for (EventFuzzer.Report report : List.of(h2, postgres)) {
            assertThat(report.serverErrors()).as("5xx answers").isEmpty();
            assertThat(report.unnamedErrors()).as("4xx answers that name no field").isEmpty();
            assertThat(report.acceptedInvalid()).as("accepted although the contract forbids them").isEmpty();
            assertThat(report.storeChangedOnRefusal()).as("refused batches that changed the store").isEmpty();
            assertThat(report.readBackProblems()).isEmpty();
            assertThat(report.accepted()).as("valid cases remain among the mutations").isPositive();
            assertThat(report.refused400()).as(report.summary()).isGreaterThan(report.cases() / 2);
        }
        List<String> differences = new ArrayList<>();
        for (int c = 0; c < CASES && differences.size() < 20; c++) {
            if (!h2.answers().get(c).equals(postgres.answers().get(c))) {
                differences.add("case " + c + ": H2 " + excerpt(h2.answers().get(c)) + " / PostgreSQL "
                        + excerpt(postgres.answers().get(c)));
            }
        }
        assertThat(differences).as("cases answered differently by H2 and PostgreSQL").isEmpty();
    }

    private static String excerpt(String answer) {
        return answer.length() <= 300 ? answer : answer.substring(0, 300) + "…";
    }
}
