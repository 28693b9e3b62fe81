package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 3 at small scale: 3,000 seeded mutations of api.md's example events ({@link EventFuzzer}) posted to
 * a real server. Never a 5xx; every 400 names the field of each error and stores nothing of its batch; every 200 is
 * a payload the contract allows (strings within their documented lengths and not blank-looking, no NUL or lone
 * surrogate, instants in the one documented spelling within the years 1 to 9999, times in order, arrays within
 * their limits, no key twice) and reads back with its times in order. {@code scripts/fuzz.sh} runs more cases.
 */
class EventFuzzTest {
    @Test
    void threeThousandMutatedEventsAreRefusedNamingTheFieldOrAcceptedOnlyWhenTheContractAllowsThem() {
        EventFuzzer.Report report;
        try (TestServer server = TestServer.start()) {
            report = new EventFuzzer(server, 20_261_205L, TestServer.NOW).run(3_000);
        }
        System.out.println(report.summary());

        assertThat(report.serverErrors()).as("5xx answers").isEmpty();
        assertThat(report.unnamedErrors()).as("4xx answers that name no field").isEmpty();
        assertThat(report.acceptedInvalid()).as("accepted although the contract forbids them").isEmpty();
        assertThat(report.storeChangedOnRefusal()).as("refused batches that changed the store").isEmpty();
        assertThat(report.readBackProblems()).isEmpty();
        assertThat(report.accepted()).as("valid cases remain among the mutations").isPositive();
        assertThat(report.refused400()).as(report.summary()).isGreaterThan(report.cases() / 2);
    }
}
