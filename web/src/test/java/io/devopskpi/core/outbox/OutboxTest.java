package io.devopskpi.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.ingest.EventConflictException;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class OutboxTest {
    @TempDir
    Path dir;

    public static Deployment deployment(String id) {
        return Deployment.builder(id).application("shop").environment("production")
                .started(Instant.parse("2026-01-05T10:00:00Z")).finished(Instant.parse("2026-01-05T10:07:00Z"))
                .result(DeploymentResult.SUCCESS).build();
    }

    @Test
    void replaysInOrderAndDeletesOnlyWhatTheStoreTook() throws Exception {
        Outbox queue = new Outbox(dir);
        queue.put(deployment("d1"));
        queue.put(deployment("d2"));
        queue.put(deployment("d3"));
        List<Event> stored = new ArrayList<>();

        assertThatThrownBy(() -> queue.replay(event -> {
            if (event.equals(deployment("d2"))) {
                throw new IllegalStateException("store down");
            }
            stored.add(event);
        })).hasMessage("store down");
        assertThat(stored).containsExactly(deployment("d1"));
        assertThat(queue.pending()).hasSize(2);

        assertThat(queue.replay(stored::add)).isEqualTo(2);
        assertThat(stored).containsExactly(deployment("d1"), deployment("d2"), deployment("d3"));
        assertThat(queue.pending()).isEmpty();
    }

    @Test
    void survivesACrashMidWriteAndKeepsCountingAfterWhatIsOnDisk() throws Exception {
        Outbox before = new Outbox(dir);
        before.put(deployment("d1"));
        before.put(deployment("d2"));
        // the crash: a half-written temporary file that was never moved into place
        Files.writeString(dir.resolve("00000000000000000003.json.tmp"), "{\"type\":\"deploy", StandardCharsets.UTF_8);

        Outbox after = new Outbox(dir);
        assertThat(Files.exists(dir.resolve("00000000000000000003.json.tmp"))).isFalse();
        after.put(deployment("d3"));
        List<Event> stored = new ArrayList<>();
        after.replay(stored::add);
        assertThat(stored).containsExactly(deployment("d1"), deployment("d2"), deployment("d3"));
    }

    @Test
    void aCrashBetweenStoreAndDeleteRepeatsTheEventWhichTheStoreIgnores() throws Exception {
        Outbox queue = new Outbox(dir);
        queue.put(deployment("d1"));
        Path file = queue.pending().get(0);
        byte[] copy = Files.readAllBytes(file);
        List<Event> stored = new ArrayList<>();
        queue.replay(stored::add);
        Files.write(file, copy); // as if the delete had not happened before the crash

        new Outbox(dir).replay(event -> {
            if (!stored.contains(event)) { // an idempotent store: the same id and content is a no-op
                stored.add(event);
            }
        });
        assertThat(stored).containsExactly(deployment("d1"));
    }

    @Test
    void eventsTheStoreRefusesForGoodMoveAsideInsteadOfBlockingTheRest() throws Exception {
        Outbox queue = new Outbox(dir);
        queue.put(deployment("d1"));
        queue.put(deployment("d2"));
        Files.writeString(dir.resolve("00000000000000000003.json"), "not json", StandardCharsets.UTF_8);
        List<Event> stored = new ArrayList<>();

        int count = queue.replay(event -> {
            if (event.equals(deployment("d1"))) {
                throw new EventConflictException(0, "deployment 'd1' differs in finished");
            }
            stored.add(event);
        });

        assertThat(count).isEqualTo(1);
        assertThat(stored).containsExactly(deployment("d2"));
        assertThat(queue.pending()).isEmpty();
        try (var rejected = Files.list(dir.resolve("rejected"))) {
            assertThat(rejected.count()).isEqualTo(2);
        }
    }

    /** Two outboxes over one folder (a reconfigured plugin, a second process) never overwrite each other's events. */
    @Test
    void twoOutboxesOverOneFolderKeepEveryEvent() throws Exception {
        Outbox first = new Outbox(dir);
        Outbox second = new Outbox(dir); // both start at sequence 1: the old code moved the second file over the first
        String a = first.put(deployment("d1"));
        String b = second.put(deployment("d2"));
        assertThat(a).isNotEqualTo(b);
        List<Event> stored = new ArrayList<>();
        first.replay(stored::add);
        assertThat(stored).containsExactlyInAnyOrder(deployment("d1"), deployment("d2"));
    }
}
