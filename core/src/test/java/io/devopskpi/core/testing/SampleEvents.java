package io.devopskpi.core.testing;

import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Events for storage tests, around a fixed server clock. */
public final class SampleEvents {
    public static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private SampleEvents() {
    }

    /** A deployment with every field set; changes ordered by commit time and components by name, as read back. */
    public static Deployment.Builder deployment(String id) {
        return Deployment.builder(id)
                .application("shop")
                .environment("production")
                .started(Instant.parse("2026-01-05T10:00:00Z"))
                .finished(Instant.parse("2026-01-05T10:07:00.123456Z"))
                .result(DeploymentResult.SUCCESS)
                .kind(DeploymentKind.HOTFIX)
                .revision("9f2c1e0")
                .changes(List.of(
                        new Change("c40", Instant.parse("2026-01-04T08:00:00Z"), null),
                        new Change("c41", Instant.parse("2026-01-04T09:00:00Z"), "ann")))
                .components(List.of(new Component("base-image", "2024.1"), new Component("pipeline-lib", "3.2.0")))
                .pipeline("shop/main")
                .url("https://ci.example/job/shop/42/")
                .imported(true)
                .team("payments")
                .supplier("acme");
    }

    /** A deployment with only the required fields. */
    public static Deployment.Builder minimalDeployment(String id) {
        return Deployment.builder(id)
                .application("shop")
                .environment("production")
                .started(Instant.parse("2026-01-05T10:00:00Z"))
                .finished(Instant.parse("2026-01-05T10:07:00Z"))
                .result(DeploymentResult.SUCCESS);
    }

    public static Incident incident(String id) {
        return new Incident(id, "shop", "production", Instant.parse("2026-01-05T11:00:00Z"),
                Instant.parse("2026-01-05T11:20:00Z"), null, "major", "ci-1/shop/42", "ops", "acme");
    }

    public static Assignment assignment(String application, String supplier, Responsibility responsibility,
            String from, String to) {
        return new Assignment(application, supplier, null, responsibility, Instant.parse(from),
                to == null ? null : Instant.parse(to));
    }
}
