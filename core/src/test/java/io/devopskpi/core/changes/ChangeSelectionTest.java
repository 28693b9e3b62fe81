package io.devopskpi.core.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.changes.ChangeSelection.Commit;
import io.devopskpi.core.changes.ChangeSelection.RunChanges;
import io.devopskpi.core.model.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSelectionTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private static RunChanges run(int hour, boolean success, Commit... commits) {
        return new RunChanges(T0.plusSeconds(hour * 3600L), "run-" + hour, success, List.of(commits));
    }

    @Test
    void collectsBackToTheRunThatMadeTheLastSuccessfulDeployment() {
        List<RunChanges> runs = List.of(
                run(4, true, new Commit("c4", -1, null)),
                run(3, true, new Commit("c3", -1, null)),
                run(2, false, new Commit("c2", -1, null)),
                run(1, true, new Commit("c1", -1, null)));
        assertThat(ChangeSelection.since("run-1", runs)).as("run 3 succeeded but deployed elsewhere")
                .extracting(Change::id).containsExactly("c2", "c3", "c4");
        assertThat(ChangeSelection.since("run-4", runs)).as("the run itself is always in")
                .extracting(Change::id).containsExactly("c1", "c2", "c3", "c4");
        assertThat(ChangeSelection.since(null, runs)).as("never deployed: every run walked")
                .extracting(Change::id).containsExactly("c1", "c2", "c3", "c4");
    }

    @Test
    void withoutTheStoreCollectsBackToTheLastSuccessfulRun() {
        List<Change> changes = ChangeSelection.sinceLastSuccessfulRun(List.of(
                run(3, true, new Commit("c3", T0.plusSeconds(2 * 3600).toEpochMilli(), "ann")),
                run(2, false, new Commit("c2", T0.plusSeconds(3600).toEpochMilli(), "bob")),
                run(1, true, new Commit("c1", T0.toEpochMilli(), "ann"))));
        assertThat(changes).extracting(Change::id).containsExactly("c2", "c3");
        assertThat(changes.get(1).author()).isEqualTo("ann");
    }

    @Test
    void anUnknownCommitTimeBecomesTheStartOfTheRunThatListedIt() {
        List<Change> changes = ChangeSelection.since(null, List.of(run(5, true, new Commit("c9", -1, " "))));
        assertThat(changes).containsExactly(new Change("c9", T0.plusSeconds(5 * 3600), null));
    }

    @Test
    void aCommitListedTwiceKeepsItsEarlierTimeAndCommitsWithoutIdAreSkipped() {
        List<Change> changes = ChangeSelection.since(null, List.of(
                run(4, true, new Commit("c1", -1, null), new Commit(null, 0, null)),
                run(2, false, new Commit("c1", -1, null))));
        assertThat(changes).containsExactly(new Change("c1", T0.plusSeconds(2 * 3600), null));
    }

    @Test
    void walksAtMostABoundedNumberOfRuns() {
        List<RunChanges> runs = new ArrayList<>();
        for (int i = 0; i < ChangeSelection.MAX_RUNS + 10; i++) {
            runs.add(run(0, false, new Commit("c" + i, T0.toEpochMilli() - i, null)));
        }
        assertThat(ChangeSelection.since("run-99", runs)).hasSize(ChangeSelection.MAX_RUNS);
    }
}
