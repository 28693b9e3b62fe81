package io.devopskpi.core.embedded;

import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.StoreConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The child JVM of {@link OutboxKillTest}: devops-kpi as the Jenkins plugin runs it (an {@link EmbeddedKpis} over the
 * embedded H2 store of a folder, with its outbox in {@code queue/} beside it, drained by its background thread),
 * submitting deployments as builds do, one after the other, until it is killed. Each id is appended to the
 * acknowledgement file, forced to disk, once {@link EmbeddedKpis#submit} returned: what a build was told.
 * Arguments: the data folder, the acknowledgement file, the prefix of the ids.
 */
public final class OutboxProcess {
    private OutboxProcess() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Path acknowledgements = Path.of(args[1]);
        String prefix = args[2];
        try (EmbeddedKpis kpis = new EmbeddedKpis(StoreConfig.embedded(data), KpiSettings::defaults,
                new Outbox(data.resolve("queue")), Clock.systemUTC());
                FileChannel acks = FileChannel.open(acknowledgements, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (int n = 1; ; n++) {
                String id = prefix + n;
                kpis.submit(deployment(id));
                acks.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.UTF_8)));
                acks.force(false);
            }
        }
    }

    /** A deployment with one change of the same id, so that a second copy would show in two tables. */
    static Deployment deployment(String id) {
        Instant finished = Instant.parse("2026-01-05T10:07:00Z");
        return Deployment.builder(id).application("shop").environment("production")
                .started(Instant.parse("2026-01-05T10:00:00Z")).finished(finished)
                .result(DeploymentResult.SUCCESS)
                .changes(List.of(new Change(id, finished.minusSeconds(3600), "ann"))).build();
    }
}
