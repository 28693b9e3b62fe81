package io.jenkins.plugins.devopskpi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job page's links to its application's supplier scorecards, over a prepared embedded store. */
class SupplierLinkTest {
    private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
    private static final DeploymentTarget SHOP = new DeploymentTarget("shop", "production", DeploymentKind.NORMAL,
            null);

    @TempDir
    Path work;
    private EmbeddedKpis kpis;

    @BeforeEach
    void prepareStore() throws Exception {
        kpis = new EmbeddedKpis(StoreConfig.embedded(work.resolve("store")), KpiSettings::defaults,
                new Outbox(work.resolve("queue")), Clock.fixed(NOW, ZoneOffset.UTC));
        kpis.submit(Deployment.builder("jenkins:shop/deploy#1:shop:production").application("shop")
                .environment("production").started(Instant.parse("2026-01-05T10:00:00Z"))
                .finished(Instant.parse("2026-01-05T10:05:00Z")).result(DeploymentResult.SUCCESS)
                .pipeline("shop/deploy").build());
        kpis.submit(new Assignment("shop", "Old Supplier", null, Responsibility.DELIVERY,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")));
        kpis.submit(new Assignment("shop", "Acme Delivery", null, Responsibility.DELIVERY,
                Instant.parse("2026-01-01T00:00:00Z"), null));
        kpis.submit(new Assignment("shop", "OpsCo", "night-shift", Responsibility.OPERATIONS,
                Instant.parse("2025-06-01T00:00:00Z"), null));
        kpis.submit(new Assignment("api", "Elsewhere", null, Responsibility.BOTH,
                Instant.parse("2025-06-01T00:00:00Z"), null));
        kpis.flush();
    }

    @AfterEach
    void closeStore() {
        kpis.close();
    }

    @Test
    void linksTheDeliveryAndOperationsSuppliersInForceNow() {
        List<SupplierLink> links = SupplierLink.of(kpis, SHOP, NOW, job -> true);

        assertThat(links).extracting(SupplierLink::getName, SupplierLink::getResponsibility, SupplierLink::getUrl)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Acme Delivery", "DELIVERY",
                                "devops-kpi/suppliers/Acme%20Delivery"),
                        org.assertj.core.groups.Tuple.tuple("OpsCo", "OPERATIONS", "devops-kpi/suppliers/OpsCo"));
    }

    @Test
    void aSupplierHoldingBothIsOneLinkAndTheEnvironmentIsKept() {
        List<Assignment> both = List.of(new Assignment("shop", "Full Service", null, Responsibility.DELIVERY,
                Instant.parse("2025-01-01T00:00:00Z"), null), new Assignment("shop", "Full Service", null,
                Responsibility.OPERATIONS, Instant.parse("2025-01-01T00:00:00Z"), null));
        DeploymentTarget staging = new DeploymentTarget("shop", "staging", DeploymentKind.NORMAL, null);

        assertThat(SupplierLink.of(both, staging, NOW)).singleElement().satisfies(link -> {
            assertThat(link.getResponsibility()).isEqualTo("BOTH");
            assertThat(link.getUrl()).isEqualTo("devops-kpi/suppliers/Full%20Service?environment=staging");
        });
    }

    @Test
    void aReaderWhoMayNotReadEveryDeployingJobSeesNoSupplier() {
        assertThat(SupplierLink.of(kpis, SHOP, NOW, job -> !job.equals("shop/deploy"))).isEmpty();
    }
}
